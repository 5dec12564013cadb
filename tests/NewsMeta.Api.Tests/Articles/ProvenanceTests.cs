using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Articles;

/// <summary>Provenance: filter by credited agency and by republication, and list what cites an agency, in REST and GraphQL.</summary>
public sealed class ProvenanceTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Credit_and_republication_filters_and_credited_articles_agree_in_REST_and_GraphQL()
    {
        var a = await PutAsync("prov-a", "صحيفة الساحل", "وكالة الرمال للأنباء", "2026-11-20T09:00:00Z");
        var b = await PutAsync("prov-b", "موقع الجبل", "وكالة النجمة", "2026-11-21T09:00:00Z");
        var c = await PutAsync("prov-c", "صحيفة الساحل", null, "2026-11-22T09:00:00Z");
        var coast = a["source"]!["id"]!.GetValue<int>();
        var sands = a["credits"]![0]!["id"]!.GetValue<int>();
        var star = b["credits"]![0]!["id"]!.GetValue<int>();

        Assert.Equal(["prov-a"], await ExternalIdsAsync($"/api/v1/articles?credit={sands}"));
        Assert.Equal(["prov-b", "prov-a"], await ExternalIdsAsync($"/api/v1/articles?credit={sands}&credit={star}"));
        Assert.Equal(["prov-a"], await ExternalIdsAsync($"/api/v1/articles?source={coast}&isRepublication=true"));
        Assert.Equal(["prov-c"], await ExternalIdsAsync($"/api/v1/articles?source={coast}&isRepublication=false"));
        Assert.Equal(["prov-a"], await ExternalIdsAsync($"/api/v1/sources/{sands}/credited-articles"));
        Assert.Empty(await ExternalIdsAsync($"/api/v1/sources/{coast}/credited-articles"));
        Assert.Equal(["prov-a"], await ExternalIdsAsync($"/api/v1/search?q={Uri.EscapeDataString("المرفأ")}&credit={sands}"));

        var bad = await _client.GetAsync("/api/v1/articles?isRepublication=sometimes", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.NodeAsync())["errors"]!["isRepublication"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/v1/sources/999999/credited-articles", Ct)).StatusCode);

        var graph = await _client.GraphQLAsync("""
            query($sands: ID!, $coast: ID!, $id: Int) {
              credited: articles(where: { creditIds: [$sands] }) { nodes { externalId } }
              own: articles(where: { sourceIds: [$coast], isRepublication: false }) { nodes { externalId } }
              source(databaseId: $id) { creditedArticles { totalCount nodes { externalId credits { name } } } }
            }
            """, new { sands = GraphQLClient.GlobalId("Source", sands), coast = GraphQLClient.GlobalId("Source", coast), id = sands });
        Assert.Equal(["prov-a"], Ids(graph.Data["credited"]!["nodes"]!));
        Assert.Equal(["prov-c"], Ids(graph.Data["own"]!["nodes"]!));
        var credited = graph.Data["source"]!["creditedArticles"]!;
        Assert.Equal(1, credited["totalCount"]!.GetValue<int>());
        Assert.Equal("وكالة الرمال للأنباء", credited["nodes"]![0]!["credits"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("prov-c", c["externalId"]!.GetValue<string>());
    }

    private static List<string> Ids(JsonNode nodes) => [.. nodes.AsArray().Select(n => n!["externalId"]!.GetValue<string>())];

    private async Task<List<string>> ExternalIdsAsync(string url)
    {
        var response = await _client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.NodeAsync())["items"]!.AsArray().Select(i => i!["externalId"]!.GetValue<string>()).Where(id => id.StartsWith("prov-", StringComparison.Ordinal))];
    }

    private async Task<JsonNode> PutAsync(string externalId, string source, string? credit, string publishedAt)
    {
        var response = await _client.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", new
        {
            title = $"حركة المرفأ {externalId}",
            body = "ارتفعت حركة المرفأ هذا الأسبوع.",
            language = "ar",
            publishedAt,
            source = new { name = source, kind = "newspaper" },
            credits = credit is null ? Array.Empty<object>() : [new { name = credit, kind = "agency" }],
            keywords = new[] { "مرافئ", "تجارة", "نقل" },
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return await response.NodeAsync();
    }
}
