using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Search;

/// <summary>Arabic-aware full-text search over HTTP, REST and GraphQL, kept in step with writes.</summary>
public sealed class SearchTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("موازنة")]
    [InlineData("الموازنه")]
    [InlineData("للموازنة")]
    [InlineData("والموازنة")]
    [InlineData("بالموازنة")]
    [InlineData("المُوازَنة")]
    public async Task Spelling_variants_find_the_same_articles(string variant)
    {
        var canonical = await IdsAsync("الموازنة");
        Assert.NotEmpty(canonical);
        Assert.Equal(canonical.Order(), (await IdsAsync(variant)).Order());
    }

    [Fact]
    public async Task Hamza_and_clitics_on_names_do_not_matter()
    {
        await PutAsync("search-hamza-1", "أمطار غزيرة في قرطوسة", "هطلت أمطار غزيرة على مدينة قرطوسة وأعلنت إدارة الإطفاء حالة التأهب.");
        foreach (var query in new[] { "امطار", "أمطار", "وقرطوسة", "لقرطوسة", "الاطفاء", "والإطفاء" })
        {
            Assert.Contains(await IdByExternalIdAsync("search-hamza-1"), await IdsAsync(query));
        }
    }

    [Fact]
    public async Task Quoted_phrase_needs_the_words_in_order()
    {
        var phrase = await IdsAsync("\"المصرف المركزي\"");
        var reversed = await IdsAsync("\"المركزي المصرف\"");
        var words = await IdsAsync("المصرف المركزي");
        Assert.NotEmpty(phrase);
        Assert.Empty(reversed);
        Assert.Subset(words.ToHashSet(), phrase.ToHashSet());
    }

    [Fact]
    public async Task All_words_must_match()
    {
        var both = await IdsAsync("موازنة عجز");
        Assert.Subset((await IdsAsync("موازنة")).ToHashSet(), both.ToHashSet());
        Assert.Subset((await IdsAsync("عجز")).ToHashSet(), both.ToHashSet());
    }

    [Fact]
    public async Task Highlights_mark_the_original_words_and_escape_the_rest()
    {
        await PutAsync("search-marks-1", "بلدية الريان تعتمد <خطة> النقل الجديدة", "صادق مجلس بلدية الريان على خطة النقل، وقال رئيس البلدية إن الخطة تبدأ في الربيع.");
        var item = (await SearchAsync("للخطة")).AsArray().Single(i => i!["externalId"]!.GetValue<string>() == "search-marks-1")!;
        Assert.Equal("بلدية الريان تعتمد &lt;<mark>خطة</mark>&gt; النقل الجديدة", item["highlights"]!["title"]!.GetValue<string>());
        Assert.Contains("<mark>خطة</mark>", item["highlights"]!["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("<mark>الخطة</mark>", item["highlights"]!["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.True(item["score"]!.GetValue<double>() >= 0);
    }

    [Fact]
    public async Task Title_matches_rank_above_body_only_matches()
    {
        await PutAsync("search-rank-title", "مهرجان الزيتون يفتتح أبوابه", "افتتح المهرجان أبوابه صباح اليوم وسط حضور كبير من العائلات.");
        await PutAsync("search-rank-body", "أخبار المدينة في سطور", "من أخبار اليوم أن مهرجان الزيتون افتتح أبوابه وسط حضور كبير.");
        var ids = await IdsAsync("مهرجان الزيتون");
        Assert.True(ids.IndexOf(await IdByExternalIdAsync("search-rank-title")) < ids.IndexOf(await IdByExternalIdAsync("search-rank-body")));
    }

    [Fact]
    public async Task Filters_combine_with_search()
    {
        var english = await IdsAsync("bank", "&language=en");
        Assert.NotEmpty(english);
        Assert.Empty(await IdsAsync("bank", "&language=ar"));
        var all = await IdsAsync("موازنة");
        var early = await IdsAsync("موازنة", "&publishedTo=2026-06-01T00:00:00Z");
        Assert.Subset(all.ToHashSet(), early.ToHashSet());
        Assert.True(early.Count < all.Count);
    }

    [Fact]
    public async Task Pages_walk_every_result_once_in_rank_order()
    {
        var all = await IdsAsync("زهران");
        var walked = new List<int>();
        string? cursor = null;
        do
        {
            var response = await _client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString("زهران")}&limit=7" + (cursor is null ? "" : $"&cursor={cursor}"), Ct);
            var page = await response.NodeAsync();
            walked.AddRange(page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()));
            cursor = page["nextCursor"]?.GetValue<string>();
            Assert.Equal(cursor is not null, response.Headers.Contains("Link"));
        }
        while (cursor is not null);
        Assert.Equal(all, walked);
    }

    [Fact]
    public async Task Index_follows_updates_deletes_and_imports()
    {
        var id = await PutAsync("search-follow-1", "افتتاح جسر الصنوبر", "افتتحت الحكومة جسر الصنوبر الجديد.");
        Assert.Contains(id, await IdsAsync("الصنوبر"));
        await PutAsync("search-follow-1", "افتتاح جسر السنديان", "افتتحت الحكومة جسر السنديان الجديد.");
        Assert.DoesNotContain(id, await IdsAsync("الصنوبر"));
        Assert.Contains(id, await IdsAsync("السنديان"));
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/articles/{id}", Ct)).StatusCode);
        Assert.DoesNotContain(id, await IdsAsync("السنديان"));

        var line = """{"externalId":"search-import-1","title":"سباق الهجن السنوي","body":"انطلق سباق الهجن السنوي في الصحراء الشرقية.","language":"ar","publishedAt":"2026-11-20T08:00:00Z","source":{"name":"موقع الأفق الإخباري","kind":"site"}}""";
        Assert.Equal(HttpStatusCode.OK, (await Ingestion.ImportExportTests.ImportAsync(_client, line + "\n")).StatusCode);
        Assert.Contains(await IdByExternalIdAsync("search-import-1"), await IdsAsync("الهجن"));
    }

    [Theory]
    [InlineData("bank")]
    [InlineData("الموازنة")]
    public async Task Search_hit_is_the_article_summary_the_list_gives(string q)
    {
        var hits = (await SearchAsync(q)).AsArray().Select(h => h!.AsObject()).ToList();
        Assert.NotEmpty(hits);
        // The hits must carry named credits and keywords, or the comparison below would prove little.
        Assert.Contains(hits, h => h["credits"]!.AsArray().Count > 0);
        Assert.Contains(hits, h => h["keywords"]!.AsArray().Count > 0);
        foreach (var hit in hits)
        {
            var at = hit["publishedAt"]!.GetValue<DateTime>().ToUniversalTime();
            var list = $"/api/v1/articles?source={hit["source"]!["id"]}&publishedFrom={at:yyyy-MM-ddTHH:mm:ssZ}"
                + $"&publishedTo={at.AddSeconds(1):yyyy-MM-ddTHH:mm:ssZ}&limit=100";
            var summary = (await (await _client.GetAsync(list, Ct)).NodeAsync())["items"]!.AsArray()
                .Single(i => i!["id"]!.GetValue<int>() == hit["id"]!.GetValue<int>())!;
            var withoutRanking = hit.DeepClone().AsObject();
            withoutRanking.Remove("score");
            withoutRanking.Remove("highlights");
            Assert.True(JsonNode.DeepEquals(summary, withoutRanking), $"search hit:\n{withoutRanking.ToJsonString()}\nlist summary:\n{summary.ToJsonString()}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("?q=")]
    [InlineData("?q=%D9%81%D9%8A%20%D9%85%D9%86")] // في من: stop words only
    [InlineData("?q=x&cursor=forged")]
    [InlineData("?q=x&sort=publishedAt")]
    [InlineData("?q=x&limit=500")]
    public async Task Bad_requests_are_400_problems(string query)
    {
        var response = await _client.GetAsync($"/api/v1/search{query}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Graphql_search_returns_what_rest_returns()
    {
        var rest = await IdsAsync("الموازنة");
        var data = (await _client.GraphQLAsync("""
            query($q: String!) { search(query: $q, first: 100) { totalCount pageInfo { hasNextPage }
              nodes { score highlights { title body } article { databaseId title } } } }
            """, new { q = "للموازنة" })).Data["search"]!;
        Assert.Equal(rest, data["nodes"]!.AsArray().Select(n => n!["article"]!["databaseId"]!.GetValue<int>()).ToList());
        Assert.Equal(rest.Count, data["totalCount"]!.GetValue<int>());
        Assert.Contains(data["nodes"]!.AsArray(), n => n!["highlights"]!["title"]!.GetValue<string>().Contains("<mark>", StringComparison.Ordinal));

        var firstPage = (await _client.GraphQLAsync("{ search(query: \"الموازنة\", first: 2) { pageInfo { endCursor hasNextPage } nodes { article { databaseId } } } }")).Data["search"]!;
        var second = (await _client.GraphQLAsync("query($a: String) { search(query: \"الموازنة\", first: 2, after: $a, where: { language: \"ar\" }) { nodes { article { databaseId } } } }",
            new { a = firstPage["pageInfo"]!["endCursor"]!.GetValue<string>() })).Data["search"]!;
        Assert.Equal(rest.Skip(2).Take(2), second["nodes"]!.AsArray().Select(n => n!["article"]!["databaseId"]!.GetValue<int>()));

        var empty = await _client.GraphQLAsync("{ search(query: \"في\") { totalCount } }");
        Assert.Equal("BAD_USER_INPUT", empty.FirstCode);
    }

    private async Task<JsonNode> SearchAsync(string q, string extra = "")
    {
        var response = await _client.GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}&limit=100{extra}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.NodeAsync())["items"]!;
    }

    /// <summary>Ids of the first 100 results, in rank order.</summary>
    private async Task<List<int>> IdsAsync(string q, string extra = "") =>
        [.. (await SearchAsync(q, extra)).AsArray().Select(i => i!["id"]!.GetValue<int>())];

    private async Task<int> PutAsync(string externalId, string title, string body)
    {
        var response = await _client.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", new
        {
            title,
            body,
            language = "ar",
            publishedAt = "2026-11-27T08:00:00Z",
            source = new { name = "موقع الأفق الإخباري", kind = "site" },
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.NodeAsync())["id"]!.GetValue<int>();
    }

    private async Task<int> IdByExternalIdAsync(string externalId) =>
        (await (await _client.GetAsync($"/api/v1/articles/by-external-id/{externalId}", Ct)).NodeAsync())["id"]!.GetValue<int>();
}
