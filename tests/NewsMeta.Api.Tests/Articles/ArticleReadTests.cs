using System.Net;
using System.Net.Http.Headers;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Articles;

public sealed class ArticleReadTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task List_returns_newest_first_summaries_without_body()
    {
        var response = await _client.GetAsync("/api/v1/articles", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("\"body\"", json, StringComparison.Ordinal);
        var page = await response.ReadAsync<PageOf<SummaryView>>();
        Assert.Equal(20, page.Items.Count);
        Assert.NotNull(page.NextCursor);
        Assert.Equal(page.Items.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Select(a => a.Id), page.Items.Select(a => a.Id));
        Assert.All(page.Items, a => Assert.False(string.IsNullOrEmpty(a.Source.Name)));
        Assert.Contains("rel=\"next\"", response.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ascending_sort_returns_oldest_first()
    {
        var page = await (await _client.GetAsync("/api/v1/articles?sort=publishedAt&limit=10", TestContext.Current.CancellationToken)).ReadAsync<PageOf<SummaryView>>();
        Assert.Equal(page.Items.OrderBy(a => a.PublishedAt).ThenBy(a => a.Id).Select(a => a.Id), page.Items.Select(a => a.Id));
        var oldest = TestJson.SampleRecords().Min(r => DateTime.Parse(r["publishedAt"]!.GetValue<string>(), null, System.Globalization.DateTimeStyles.AdjustToUniversal));
        Assert.Equal(oldest, page.Items[0].PublishedAt);
    }

    [Fact]
    public async Task Walking_all_pages_yields_every_article_exactly_once()
    {
        foreach (var sort in new[] { "-publishedAt", "publishedAt" })
        {
            var seen = new List<int>();
            string? cursor = null;
            do
            {
                var url = $"/api/v1/articles?limit=7&sort={sort}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
                var page = await (await _client.GetAsync(url, TestContext.Current.CancellationToken)).ReadAsync<PageOf<SummaryView>>();
                seen.AddRange(page.Items.Select(a => a.Id));
                cursor = page.NextCursor;
            }
            while (cursor is not null);

            Assert.Equal(TestJson.SampleRecords().Count, seen.Count);
            Assert.Equal(seen.Count, seen.Distinct().Count());
        }
    }

    [Fact]
    public async Task Filters_by_language_source_and_dates()
    {
        var english = await (await _client.GetAsync("/api/v1/articles?language=en&limit=100", TestContext.Current.CancellationToken)).ReadAsync<PageOf<SummaryView>>();
        var expectedEnglish = TestJson.SampleRecords().Count(r => r["language"]!.GetValue<string>() == "en");
        Assert.Equal(expectedEnglish, english.Items.Count);
        Assert.All(english.Items, a => Assert.Equal("en", a.Language));

        var sourceId = english.Items[0].Source.Id;
        var bySource = await (await _client.GetAsync($"/api/v1/articles?source={sourceId}&limit=100", TestContext.Current.CancellationToken)).ReadAsync<PageOf<SummaryView>>();
        Assert.NotEmpty(bySource.Items);
        Assert.All(bySource.Items, a => Assert.Equal(sourceId, a.Source.Id));

        var window = await (await _client.GetAsync("/api/v1/articles?publishedFrom=2026-03-01T00:00:00Z&publishedTo=2026-04-01T00:00:00Z&limit=100", TestContext.Current.CancellationToken)).ReadAsync<PageOf<SummaryView>>();
        var expectedInMarch = TestJson.SampleRecords().Count(r => r["publishedAt"]!.GetValue<string>().StartsWith("2026-03", StringComparison.Ordinal));
        Assert.Equal(expectedInMarch, window.Items.Count);
        Assert.All(window.Items, a => Assert.Equal(3, a.PublishedAt.Month));
    }

    [Fact]
    public async Task Entity_and_keyword_filters_require_all_given_ids()
    {
        var haddad = await FindEntityAsync("يوسف الحداد");
        var parliament = await FindEntityAsync("برلمان زهران");
        var both = await (await _client.GetAsync($"/api/v1/articles?entity={haddad}&entity={parliament}&limit=100", TestContext.Current.CancellationToken)).ReadAsync<PageOf<SummaryView>>();
        // Tagged by the publisher or found in the text: an article "mentions" an entity either way.
        var taggedBoth = TestJson.SampleRecords().Count(r =>
        {
            var names = r["entities"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).ToList();
            return names.Contains("يوسف الحداد") && names.Contains("برلمان زهران");
        });
        var withHaddad = (await (await _client.GetAsync($"/api/v1/entities/{haddad}/articles?limit=100", TestContext.Current.CancellationToken)).ReadAsync<PageOf<SummaryView>>()).Items.Select(a => a.Id);
        var withParliament = (await (await _client.GetAsync($"/api/v1/entities/{parliament}/articles?limit=100", TestContext.Current.CancellationToken)).ReadAsync<PageOf<SummaryView>>()).Items.Select(a => a.Id);
        Assert.True(taggedBoth > 0);
        Assert.True(both.Items.Count >= taggedBoth);
        Assert.Equal(withHaddad.Intersect(withParliament).Order(), both.Items.Select(a => a.Id).Order());

        var keywords = await (await _client.GetAsync("/api/v1/keywords?limit=1", TestContext.Current.CancellationToken)).ReadAsync<PageOf<CountedView>>();
        var top = keywords.Items[0];
        var tagged = await (await _client.GetAsync($"/api/v1/articles?keyword={top.Id}&limit=100", TestContext.Current.CancellationToken)).ReadAsync<PageOf<SummaryView>>();
        Assert.Equal(top.ArticleCount, tagged.Items.Count);
        Assert.All(tagged.Items, a => Assert.Contains(a.Keywords, k => k.Id == top.Id));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("sort=title", "sort")]
    [InlineData("entity=abc", "entity")]
    [InlineData("source=-3", "source")]
    [InlineData("publishedFrom=yesterday", "publishedFrom")]
    [InlineData("updatedSince=2026-01-01", "updatedSince")]
    [InlineData("language=not a tag", "language")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("publishedFrom=2026-05-01T00:00:00Z&publishedTo=2026-01-01T00:00:00Z", "publishedTo")]
    public async Task Bad_parameters_are_400_problems_naming_the_field(string query, string field)
    {
        var response = await _client.GetAsync($"/api/v1/articles?{query}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadAsync<ProblemView>();
        Assert.Equal(400, problem.Status);
        Assert.NotNull(problem.TraceId);
        Assert.Contains(field, problem.Errors!.Keys);
    }

    [Fact]
    public async Task A_cursor_from_one_sort_order_is_rejected_by_the_other()
    {
        var page = await (await _client.GetAsync("/api/v1/articles?limit=2", TestContext.Current.CancellationToken)).ReadAsync<PageOf<SummaryView>>();
        var response = await _client.GetAsync($"/api/v1/articles?sort=publishedAt&cursor={page.NextCursor}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Get_by_id_and_by_external_id_return_the_full_article()
    {
        var record = TestJson.SampleRecords().First(r => r["externalId"]!.GetValue<string>() == "shorouq-2026-03-10-budget-vote");
        var byExternal = await _client.GetAsync("/api/v1/articles/by-external-id/shorouq-2026-03-10-budget-vote", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, byExternal.StatusCode);
        var article = await byExternal.ReadAsync<ArticleView>();
        Assert.Equal(record["title"]!.GetValue<string>(), article.Title);
        Assert.Equal(record["body"]!.GetValue<string>(), article.Body);
        Assert.Equal("budget-vote", article.Slug);
        Assert.Equal(record["keywords"]!.AsArray().Select(k => k!.GetValue<string>()), article.Keywords.Select(k => k.Name));
        // The publisher's entities first, in its order; entities found in the text follow as extracted.
        var tagged = record["entities"]!.AsArray().Select(e => e!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(tagged, article.Entities.Where(e => e.Origin == "publisher").Select(e => e.Name));
        Assert.Equal(tagged, article.Entities.Take(tagged.Count).Select(e => e.Name));
        Assert.All(article.Entities.Skip(tagged.Count), e => Assert.Equal("extracted", e.Origin));
        // The publisher's links first, in its order; computed similar links follow.
        Assert.Equal(record["links"]!.AsArray().Select(l => l!["kind"]!.GetValue<string>()), article.Links.Where(l => l.Origin == "publisher").Select(l => l.Kind));
        Assert.All(article.Links.SkipWhile(l => l.Origin == "publisher"), l => Assert.Equal(("similar", "computed"), (l.Kind, l.Origin)));
        Assert.Equal(record["source"]!["name"]!.GetValue<string>(), article.Source.Name);

        var byId = await (await _client.GetAsync($"/api/v1/articles/{article.Id}", TestContext.Current.CancellationToken)).ReadAsync<ArticleView>();
        Assert.Equal(article, byId with { Credits = article.Credits, Keywords = article.Keywords, Entities = article.Entities, Links = article.Links });
        Assert.Equal(byExternal.Headers.ETag, (await _client.GetAsync($"/api/v1/articles/{article.Id}", TestContext.Current.CancellationToken)).Headers.ETag);
    }

    [Fact]
    public async Task Links_resolve_to_stored_targets_and_keep_unresolved_ones()
    {
        var links = await (await _client.GetAsync("/api/v1/articles/by-external-id/ofuq-2026-06-10-dam-court-ruling", TestContext.Current.CancellationToken)).ReadAsync<ArticleView>();
        var stored = TestJson.SampleRecords().Select(r => r["externalId"]!.GetValue<string>()).ToHashSet();
        Assert.All(links.Links, l =>
        {
            if (l.TargetExternalId is not null && stored.Contains(l.TargetExternalId))
            {
                Assert.NotNull(l.TargetId);
            }
        });

        var everyLink = new List<LinkView>();
        foreach (var page in await AllAsync<ArticleView>(stored.Take(60)))
        {
            everyLink.AddRange(page.Links);
        }

        Assert.Contains(everyLink, l => l.TargetId is null);
        Assert.Contains(everyLink, l => l.TargetId is not null);
        Assert.Equal(new[] { "readAlso", "related", "similar" }, everyLink.Select(l => l.Kind).Distinct().Order());
    }

    [Fact]
    public async Task Links_endpoint_filters_by_kind_and_rejects_unknown_kinds()
    {
        var article = await (await _client.GetAsync("/api/v1/articles/by-external-id/shorouq-2026-03-10-budget-vote", TestContext.Current.CancellationToken)).ReadAsync<ArticleView>();
        var all = await (await _client.GetAsync($"/api/v1/articles/{article.Id}/links", TestContext.Current.CancellationToken)).ReadAsync<List<LinkView>>();
        Assert.Equal(article.Links.Count, all.Count);
        var kind = all[0].Kind;
        var some = await (await _client.GetAsync($"/api/v1/articles/{article.Id}/links?kind={kind}", TestContext.Current.CancellationToken)).ReadAsync<List<LinkView>>();
        Assert.Equal(all.Count(l => l.Kind == kind), some.Count);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync($"/api/v1/articles/{article.Id}/links?kind=cousin", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/v1/articles/999999/links", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/articles/999999")]
    [InlineData("/api/v1/articles/by-external-id/no-such-article")]
    public async Task Missing_article_is_a_404_problem(string url)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await response.ReadAsync<ProblemView>();
        Assert.Equal(404, problem.Status);
        Assert.False(string.IsNullOrEmpty(problem.Detail));
    }

    [Fact]
    public async Task ETag_is_sent_and_If_None_Match_gives_304()
    {
        var first = await _client.GetAsync("/api/v1/articles/1", TestContext.Current.CancellationToken);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/articles/1");
        conditional.Headers.IfNoneMatch.Add(etag);
        var second = await _client.SendAsync(conditional, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));

        using var stale = new HttpRequestMessage(HttpMethod.Get, "/api/v1/articles/1");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await _client.SendAsync(stale, TestContext.Current.CancellationToken)).StatusCode);
    }

    private async Task<int> FindEntityAsync(string name)
    {
        var page = await (await _client.GetAsync($"/api/v1/entities?q={Uri.EscapeDataString(name)}", TestContext.Current.CancellationToken)).ReadAsync<PageOf<EntityView>>();
        return page.Items.First(e => e.Name == name).Id;
    }

    private async Task<List<T>> AllAsync<T>(IEnumerable<string> externalIds)
    {
        var result = new List<T>();
        foreach (var id in externalIds)
        {
            result.Add(await (await _client.GetAsync($"/api/v1/articles/by-external-id/{id}", TestContext.Current.CancellationToken)).ReadAsync<T>());
        }

        return result;
    }
}
