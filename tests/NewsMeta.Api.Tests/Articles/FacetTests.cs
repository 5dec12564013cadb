using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Articles;

/// <summary>GET /api/v1/articles/facets and GraphQL facets: exact counts over the matching set, in a fixed number of queries.</summary>
public sealed class FacetTests(EmptyNewsMetaFactory factory) : IClassFixture<EmptyNewsMetaFactory>
{
    private readonly HttpClient _client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Facets_count_every_dimension_of_the_matching_set_in_REST_and_GraphQL()
    {
        await SeedAsync();
        var all = await FacetsAsync("");
        Assert.Equal(4, all["total"]!.GetValue<int>());
        Assert.Equal([("سياحة", 3), ("فنادق", 2)], Values(all["keywords"]!).Take(2));
        Assert.Equal([("صحيفة المنارة", 2), ("موقع الوادي", 2)], Values(all["sources"]!).OrderBy(v => v.Name).ToList());
        Assert.Equal([("وكالة الصقر", 2)], Values(all["credits"]!));
        Assert.Equal([("ar", 3), ("en", 1)], Values(all["languages"]!));
        Assert.Equal([("2026-11-20", 2), ("2026-11-21", 1), ("2026-11-22", 1)], Values(all["publishedPerDay"]!));
        var people = all["entities"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "person")!;
        Assert.Equal([("نادية الشامي", 2), ("كريم الطحان", 1)], Values(people["values"]!));
        Assert.Equal([("فندق الواحة الكبير", 1)], Values(all["entities"]!.AsArray().Single(e => e!["type"]!.GetValue<string>() == "organization")!["values"]!));

        var source = all["sources"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "صحيفة المنارة")!["id"]!.GetValue<int>();
        var filtered = await FacetsAsync($"source={source}&size=1");
        Assert.Equal(2, filtered["total"]!.GetValue<int>());
        Assert.Equal([("سياحة", 2)], Values(filtered["keywords"]!));
        Assert.Single(filtered["languages"]!.AsArray());

        var searched = await FacetsAsync("q=" + Uri.EscapeDataString("المتحف"));
        Assert.Equal(1, searched["total"]!.GetValue<int>());
        Assert.Equal([("en", 1)], Values(searched["languages"]!));

        var graph = await _client.GraphQLAsync("query($s: ID!) { facets(where: { sourceIds: [$s] }, size: 1) { total keywords { name count } languages { name count } } }",
            new { s = GraphQLClient.GlobalId("Source", source) });
        Assert.Equal(2, graph.Data["facets"]!["total"]!.GetValue<int>());
        Assert.Equal([("سياحة", 2)], Values(graph.Data["facets"]!["keywords"]!));
    }

    [Fact]
    public async Task Facets_take_a_fixed_number_of_queries_and_refuse_bad_parameters()
    {
        await SeedAsync();
        factory.Sql.Reset();
        await FacetsAsync("");
        var commands = factory.Sql.Count;
        Assert.Equal(9, commands); // total, entities, keywords, sources, credits, bylines, sections, languages, days; the matching set is a subquery of each

        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/v1/articles/facets?size=500", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/v1/articles/facets?q=%20", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/v1/articles/facets?limit=5", Ct)).StatusCode);
        var graph = await _client.GraphQLAsync("{ facets(size: 0) { total } }");
        Assert.Equal("BAD_USER_INPUT", graph.FirstCode);
    }

    private async Task<JsonNode> FacetsAsync(string query)
    {
        var response = await _client.GetAsync($"/api/v1/articles/facets?{query}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.NodeAsync();
    }

    private static List<(string Name, int Count)> Values(JsonNode values) =>
        [.. values.AsArray().Select(v => (v!["name"]!.GetValue<string>(), v["count"]!.GetValue<int>()))];

    private async Task SeedAsync()
    {
        await PutAsync("facet-a", "صحيفة المنارة", "وكالة الصقر", ["سياحة", "فنادق", "صيف"], [("نادية الشامي", "person"), ("فندق الواحة الكبير", "organization")], "ar", "2026-11-20T08:00:00Z", "موسم سياحي واعد");
        await PutAsync("facet-b", "صحيفة المنارة", null, ["سياحة", "شواطئ", "رحلات"], [("نادية الشامي", "person")], "ar", "2026-11-20T15:00:00Z", "الشواطئ تستقبل الزوار");
        await PutAsync("facet-c", "موقع الوادي", "وكالة الصقر", ["سياحة", "فنادق", "متاحف"], [("كريم الطحان", "person")], "en", "2026-11-21T09:00:00Z", "افتتاح المتحف الجديد");
        await PutAsync("facet-d", "موقع الوادي", null, ["طقس", "أمطار", "زراعة"], [], "ar", "2026-11-22T09:00:00Z", "أمطار غزيرة");
    }

    private async Task PutAsync(string externalId, string source, string? credit, string[] keywords, (string Name, string Type)[] entities, string language, string publishedAt, string title)
    {
        var response = await _client.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", new
        {
            title,
            body = "نص قصير لا يذكر أحدا.",
            language,
            publishedAt,
            source = new { name = source, kind = "newspaper" },
            credits = credit is null ? Array.Empty<object>() : [new { name = credit, kind = "agency" }],
            keywords,
            entities = entities.Select(e => new { name = e.Name, type = e.Type }),
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
