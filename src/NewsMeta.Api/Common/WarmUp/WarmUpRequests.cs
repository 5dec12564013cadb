using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsMeta.Api.Common.WarmUp;

/// <summary>One request of the warm-up: a GET, or a POST of a JSON body.</summary>
public sealed record WarmUpCall(string Method, string PathAndQuery, string? JsonBody = null);

/// <summary>
/// The read paths a warm-up runs, taken from the store itself: the newest page, one of its articles by id and
/// by externalId, the articles of an entity it mentions, a search for a word of its title, and a nested GraphQL
/// page. An empty store warms the list and GraphQL paths only.
/// </summary>
public static class WarmUpRequests
{
    public const string NewestPage = "/api/v1/articles?limit=20";

    private const string GraphQLPage =
        "query WarmUp($before: DateTime!) { articles(first: 20, where: { publishedBefore: $before }, orderBy: PUBLISHED_AT_DESC) "
        + "{ nodes { externalId title publishedAt source { name } entities { entity { name type } } keywords { name } "
        + "links { kind title target { externalId title } } } } }";

    /// <summary>The path of one article's full document.</summary>
    public static string ArticlePath(int id) => $"/api/v1/articles/{id.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The article to look at first: the newest one's id, from the newest page's JSON; null when the store is empty.</summary>
    public static int? FirstArticleId(JsonNode? newestPage) =>
        newestPage?["items"] is JsonArray { Count: > 0 } items ? items[0]?["id"]?.GetValue<int>() : null;

    /// <summary>The calls for each round, from the newest page and the full first article (either may be null).</summary>
    public static IReadOnlyList<WarmUpCall> For(JsonNode? newestPage, JsonNode? firstArticle, DateTimeOffset now)
    {
        var calls = new List<WarmUpCall>
        {
            new("GET", NewestPage),
            new("POST", "/graphql", JsonSerializer.Serialize(new { query = GraphQLPage, variables = new { before = now.AddMinutes(1) } })),
        };
        if (firstArticle is null)
        {
            return calls;
        }

        calls.Add(new("GET", ArticlePath(firstArticle["id"]!.GetValue<int>())));
        if (firstArticle["externalId"]?.GetValue<string>() is { } externalId)
        {
            calls.Add(new("GET", $"/api/v1/articles/by-external-id/{Uri.EscapeDataString(externalId)}"));
        }

        if (firstArticle["entities"] is JsonArray { Count: > 0 } entities && entities[0]?["id"]?.GetValue<int>() is { } entity)
        {
            calls.Add(new("GET", $"/api/v1/articles?entity={entity.ToString(CultureInfo.InvariantCulture)}&limit=20"));
        }

        if (LongestWord(firstArticle["title"]?.GetValue<string>()) is { } word)
        {
            calls.Add(new("GET", $"/api/v1/search?q={Uri.EscapeDataString(word)}&limit=20"));
        }

        return calls;
    }

    private static string? LongestWord(string? title) =>
        title?.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(w => w.Length >= 3 && w.All(char.IsLetter)).MaxBy(w => w.Length);
}
