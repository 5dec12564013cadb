using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Catalogue;

/// <summary>
/// Spelling variants no character rule can merge (two transliterations of one foreign name): linking
/// and search treat them as the entity, and responses say which variant matched.
/// </summary>
public sealed class SpellingVariantTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private const string Name = "فيكتور ألماندو";
    private const string Variant = "فكتور الماندو";

    private readonly HttpClient _client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Linking_and_search_find_an_entity_under_each_spelling_and_say_which_matched()
    {
        var entityId = await EntityAsync();
        var byVariant = await PutAsync("variant-a", $"{Variant} يفتتح معرض الخزف في مدينة النخيل");
        var byName = await PutAsync("variant-b", $"{Name} يزور ورشة الخزافين");

        // Linking: both articles mention the entity; the one written with the variant says so.
        Assert.Equal(Variant, (await MentionAsync(byVariant, entityId))["matchedAlias"]!.GetValue<string>());
        Assert.Null((await MentionAsync(byName, entityId))["matchedAlias"]);

        // Search by either spelling finds both articles; the variant's words are highlighted where the article uses them.
        var found = new Dictionary<string, int>();
        foreach (var q in new[] { Name, Variant })
        {
            var items = (await (await _client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}", Ct)).NodeAsync())["items"]!.AsArray();
            Assert.Subset(items.Select(i => i!["externalId"]!.GetValue<string>()).ToHashSet(), new HashSet<string> { "variant-a", "variant-b" });
            found[q] = items.Count;
        }

        // One word of a spelling is not the entity: nothing is expanded, every word must match as written.
        var unrelated = (await (await _client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString("فكتور الخزف")}", Ct)).NodeAsync())["items"]!.AsArray();
        Assert.Equal(["variant-a"], unrelated.Select(i => i!["externalId"]!.GetValue<string>()));

        var hit = (await (await _client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(Name)}", Ct)).NodeAsync())["items"]!.AsArray()
            .Single(i => i!["externalId"]!.GetValue<string>() == "variant-a")!;
        Assert.Contains("<mark>فكتور</mark>", hit["highlights"]!["title"]!.GetValue<string>(), StringComparison.Ordinal);

        // Facets count the same matching set.
        var facets = await (await _client.GetAsync($"/api/v1/articles/facets?q={Uri.EscapeDataString(Variant)}", Ct)).NodeAsync();
        Assert.Equal(found[Variant], facets["total"]!.GetValue<int>());

        // The catalogue's own search says which alias matched, and nothing when the name did.
        var listed = (await (await _client.GetAsync($"/api/v1/entities?q={Uri.EscapeDataString("فكتور")}", Ct)).NodeAsync())["items"]!.AsArray();
        Assert.Equal(Variant, listed.Single(e => e!["id"]!.GetValue<int>() == entityId)!["matchedAlias"]!.GetValue<string>());
        listed = (await (await _client.GetAsync($"/api/v1/entities?q={Uri.EscapeDataString("فيكتور")}", Ct)).NodeAsync())["items"]!.AsArray();
        Assert.Null(listed.Single(e => e!["id"]!.GetValue<int>() == entityId)!["matchedAlias"]);
    }

    [Fact]
    public async Task GraphQL_search_and_mentions_treat_the_variants_as_the_entity()
    {
        var entityId = await EntityAsync();
        await PutAsync("variant-c", $"{Variant} يكرم طلاب الفنون");

        var data = (await _client.GraphQLAsync(
            """
            query($q: String!, $prefix: String!) {
              search(query: $q) { nodes { article { externalId entities { matchedAlias entity { databaseId } } } } }
              entities(where: { search: $prefix }) { nodes { databaseId matchedAlias } }
            }
            """,
            new { q = Name, prefix = "فكتور" })).Data;
        var article = data["search"]!["nodes"]!.AsArray().Select(n => n!["article"]!)
            .Single(a => a["externalId"]!.GetValue<string>() == "variant-c");
        var mention = article["entities"]!.AsArray().Single(e => e!["entity"]!["databaseId"]!.GetValue<int>() == entityId)!;
        Assert.Equal(Variant, mention["matchedAlias"]!.GetValue<string>());
        Assert.Equal(Variant, data["entities"]!["nodes"]!.AsArray().Single(e => e!["databaseId"]!.GetValue<int>() == entityId)!["matchedAlias"]!.GetValue<string>());
    }

    /// <summary>The entity with its variant (created once per database; the second call finds it).</summary>
    private async Task<int> EntityAsync()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/entities", new { name = Name, type = "person", aliases = new[] { Variant } }, Ct);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.NodeAsync())["id"]!.GetValue<int>();
    }

    private async Task<int> PutAsync(string externalId, string title)
    {
        var response = await _client.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", new
        {
            title,
            body = $"{title}. وقال المنظمون إن الحضور فاق التوقعات.",
            language = "ar",
            publishedAt = "2026-11-27T09:00:00Z",
            source = new { name = "موقع الأفق الإخباري", kind = "site" },
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.NodeAsync())["id"]!.GetValue<int>();
    }

    private async Task<JsonNode> MentionAsync(int articleId, int entityId) =>
        (await (await _client.GetAsync($"/api/v1/articles/{articleId}", Ct)).NodeAsync())["entities"]!.AsArray()
        .Single(e => e!["id"]!.GetValue<int>() == entityId)!;
}
