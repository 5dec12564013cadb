using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.GraphQL;

/// <summary>One model, two transports: every article reads the same through REST and GraphQL.</summary>
public sealed class GraphQLParityTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private const string Query = """
        query($n: Int) { articles(first: $n) { nodes {
          databaseId externalId slug url title summary body language publishedAt updatedAt changedAt
          source { databaseId name kind } credits { databaseId name kind } keywords { databaseId name }
          entities { entity { databaseId name type } mentions origin }
          links { kind targetExternalId title url score origin target { databaseId } } } } }
        """;

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Every_sample_article_reads_the_same_through_rest_and_graphql()
    {
        var articles = (await _client.GraphQLAsync(Query, new { n = 100 })).Data["articles"]!["nodes"]!.AsArray();
        Assert.Equal(54, articles.Count);
        foreach (var graph in articles)
        {
            var id = graph!["databaseId"]!.GetValue<int>();
            var rest = await (await _client.GetAsync($"/api/v1/articles/{id}", TestContext.Current.CancellationToken)).NodeAsync();
            Assert.Equal(Normalise(rest).ToJsonString(), FromGraph(graph).ToJsonString());
        }
    }

    /// <summary>The REST shape, with enums upper-cased and instants parsed, as the comparison baseline.</summary>
    private static JsonObject Normalise(JsonNode rest) => new()
    {
        ["id"] = rest["id"]!.GetValue<int>(),
        ["externalId"] = rest["externalId"]!.GetValue<string>(),
        ["slug"] = rest["slug"]!.GetValue<string>(),
        ["url"] = rest["url"]?.GetValue<string>(),
        ["title"] = rest["title"]!.GetValue<string>(),
        ["summary"] = rest["summary"]?.GetValue<string>(),
        ["body"] = rest["body"]!.GetValue<string>(),
        ["language"] = rest["language"]!.GetValue<string>(),
        ["publishedAt"] = Instant(rest["publishedAt"]),
        ["updatedAt"] = Instant(rest["updatedAt"]),
        ["changedAt"] = Instant(rest["changedAt"]),
        ["source"] = Source(rest["source"]!["id"]!, rest["source"]!, Upper(rest["source"]!["kind"])),
        ["credits"] = new JsonArray([.. rest["credits"]!.AsArray().Select(c => (JsonNode)Source(c!["id"]!, c, Upper(c["kind"])))]),
        ["keywords"] = new JsonArray([.. rest["keywords"]!.AsArray().Select(k => (JsonNode)new JsonObject { ["id"] = k!["id"]!.GetValue<int>(), ["name"] = k["name"]!.GetValue<string>() })]),
        ["entities"] = new JsonArray([.. rest["entities"]!.AsArray().Select(e => (JsonNode)new JsonObject
        {
            ["id"] = e!["id"]!.GetValue<int>(), ["name"] = e["name"]!.GetValue<string>(), ["type"] = Upper(e["type"]),
            ["mentions"] = e["mentions"]!.GetValue<int>(), ["origin"] = Upper(e["origin"]),
        })]),
        ["links"] = new JsonArray([.. rest["links"]!.AsArray().Select(l => (JsonNode)Link(Upper(l!["kind"]), l["targetExternalId"], l["title"], l["url"], l["score"], Upper(l["origin"]), l["targetId"]))]),
    };

    private static JsonObject FromGraph(JsonNode g) => new()
    {
        ["id"] = g["databaseId"]!.GetValue<int>(),
        ["externalId"] = g["externalId"]!.GetValue<string>(),
        ["slug"] = g["slug"]!.GetValue<string>(),
        ["url"] = g["url"]?.GetValue<string>(),
        ["title"] = g["title"]!.GetValue<string>(),
        ["summary"] = g["summary"]?.GetValue<string>(),
        ["body"] = g["body"]!.GetValue<string>(),
        ["language"] = g["language"]!.GetValue<string>(),
        ["publishedAt"] = Instant(g["publishedAt"]),
        ["updatedAt"] = Instant(g["updatedAt"]),
        ["changedAt"] = Instant(g["changedAt"]),
        ["source"] = Source(g["source"]!["databaseId"]!, g["source"]!, g["source"]!["kind"]!.GetValue<string>()),
        ["credits"] = new JsonArray([.. g["credits"]!.AsArray().Select(c => (JsonNode)Source(c!["databaseId"]!, c, c["kind"]!.GetValue<string>()))]),
        ["keywords"] = new JsonArray([.. g["keywords"]!.AsArray().Select(k => (JsonNode)new JsonObject { ["id"] = k!["databaseId"]!.GetValue<int>(), ["name"] = k["name"]!.GetValue<string>() })]),
        ["entities"] = new JsonArray([.. g["entities"]!.AsArray().Select(e => (JsonNode)new JsonObject
        {
            ["id"] = e!["entity"]!["databaseId"]!.GetValue<int>(), ["name"] = e["entity"]!["name"]!.GetValue<string>(), ["type"] = e["entity"]!["type"]!.GetValue<string>(),
            ["mentions"] = e["mentions"]!.GetValue<int>(), ["origin"] = e["origin"]!.GetValue<string>(),
        })]),
        ["links"] = new JsonArray([.. g["links"]!.AsArray().Select(l => (JsonNode)Link(l!["kind"]!.GetValue<string>(), l["targetExternalId"], l["title"], l["url"], l["score"], l["origin"]!.GetValue<string>(), l["target"]?["databaseId"]))]),
    };

    private static JsonObject Source(JsonNode id, JsonNode s, string kind) =>
        new() { ["id"] = id.GetValue<int>(), ["name"] = s["name"]!.GetValue<string>(), ["kind"] = kind };

    private static JsonObject Link(string kind, JsonNode? externalId, JsonNode? title, JsonNode? url, JsonNode? score, string origin, JsonNode? targetId) => new()
    {
        ["kind"] = kind,
        ["targetExternalId"] = externalId?.GetValue<string>(),
        ["title"] = title?.GetValue<string>(),
        ["url"] = url?.GetValue<string>(),
        ["score"] = score?.GetValue<double>(),
        ["origin"] = origin,
        ["targetId"] = targetId?.GetValue<int>(),
    };

    // readAlso (REST) ↔ READ_ALSO (GraphQL).
    private static string Upper(JsonNode? value) =>
        string.Concat(value!.GetValue<string>().Select(c => char.IsUpper(c) ? "_" + c : char.ToUpperInvariant(c).ToString()));

    private static string? Instant(JsonNode? value) =>
        value is null ? null : DateTimeOffset.Parse(value.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToString("O", System.Globalization.CultureInfo.InvariantCulture);
}
