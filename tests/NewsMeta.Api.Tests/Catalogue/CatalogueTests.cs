using System.Net;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Catalogue;

public sealed class CatalogueTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<T> GetAsync<T>(string url)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<T>();
    }

    [Fact]
    public async Task Entities_are_sorted_by_article_count_and_filtered_by_type()
    {
        var page = await GetAsync<PageOf<EntityView>>("/api/v1/entities?limit=50");
        Assert.Equal(page.Items.OrderByDescending(e => e.ArticleCount).ThenBy(e => e.Id).Select(e => e.Id), page.Items.Select(e => e.Id));
        var people = await GetAsync<PageOf<EntityView>>("/api/v1/entities?type=person&limit=100");
        Assert.NotEmpty(people.Items);
        Assert.All(people.Items, e => Assert.Equal("person", e.Type));
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/v1/entities?type=planet", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/v1/entities?q=%21%21", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory]
    [InlineData("يوسف الحداد")]
    [InlineData("يوسف")]
    [InlineData("الحداد")]       // an alias
    [InlineData("youssef had")]  // a Latin alias, any case
    [InlineData("يُوسُف")]        // with tashkeel
    public async Task Entity_search_matches_name_or_alias_prefix_after_normalisation(string q)
    {
        var page = await GetAsync<PageOf<EntityView>>($"/api/v1/entities?q={Uri.EscapeDataString(q)}");
        Assert.Contains(page.Items, e => e.Name == "يوسف الحداد");
    }

    [Fact]
    public async Task Entity_search_ignores_hamza_and_taa_marbuta_differences()
    {
        var canonical = await GetAsync<PageOf<EntityView>>($"/api/v1/entities?q={Uri.EscapeDataString("ليلى المنصوري")}");
        var variant = await GetAsync<PageOf<EntityView>>($"/api/v1/entities?q={Uri.EscapeDataString("ليلي المنصوري")}");
        Assert.NotEmpty(canonical.Items);
        Assert.Equal(canonical.Items.Select(e => e.Id), variant.Items.Select(e => e.Id));
    }

    [Fact]
    public async Task Entity_detail_has_aliases_and_its_articles_all_mention_it()
    {
        var haddad = (await GetAsync<PageOf<EntityView>>($"/api/v1/entities?q={Uri.EscapeDataString("يوسف الحداد")}")).Items.First();
        var entity = await GetAsync<EntityView>($"/api/v1/entities/{haddad.Id}");
        Assert.Contains("Youssef Haddad", entity.Aliases!);
        Assert.Contains("الحداد", entity.Aliases!);
        var articles = await GetAsync<PageOf<SummaryView>>($"/api/v1/entities/{haddad.Id}/articles?limit=100");
        Assert.Equal(entity.ArticleCount, articles.Items.Count);
        Assert.Equal(articles.Items.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Select(a => a.Id), articles.Items.Select(a => a.Id));
        foreach (var summary in articles.Items.Take(5))
        {
            var full = await GetAsync<ArticleView>($"/api/v1/articles/{summary.Id}");
            Assert.Contains(full.Entities, e => e.Id == haddad.Id);
        }
    }

    [Fact]
    public async Task Related_entities_count_shared_articles()
    {
        var haddad = (await GetAsync<PageOf<EntityView>>($"/api/v1/entities?q={Uri.EscapeDataString("يوسف الحداد")}")).Items.First();
        var related = await GetAsync<PageOf<RelatedView>>($"/api/v1/entities/{haddad.Id}/related-entities?limit=3");
        Assert.Equal(3, related.Items.Count);
        Assert.DoesNotContain(related.Items, r => r.Id == haddad.Id);
        Assert.Equal(related.Items.OrderByDescending(r => r.Count).Select(r => r.Count), related.Items.Select(r => r.Count));
        var top = related.Items[0];
        var both = await GetAsync<PageOf<SummaryView>>($"/api/v1/articles?entity={haddad.Id}&entity={top.Id}&limit=100");
        Assert.Equal(top.Count, both.Items.Count);

        var next = await GetAsync<PageOf<RelatedView>>($"/api/v1/entities/{haddad.Id}/related-entities?limit=3&cursor={related.NextCursor}");
        Assert.Empty(next.Items.Select(r => r.Id).Intersect(related.Items.Select(r => r.Id)));
    }

    [Fact]
    public async Task Keywords_list_search_detail_and_articles()
    {
        var page = await GetAsync<PageOf<CountedView>>("/api/v1/keywords?limit=100");
        Assert.Equal(page.Items.OrderByDescending(k => k.ArticleCount).ThenBy(k => k.Id).Select(k => k.Id), page.Items.Select(k => k.Id));
        var top = page.Items[0];
        var found = await GetAsync<PageOf<CountedView>>($"/api/v1/keywords?q={Uri.EscapeDataString(top.Name)}");
        Assert.Contains(found.Items, k => k.Id == top.Id);
        var detail = await _client.GetAsync($"/api/v1/keywords/{top.Id}", TestContext.Current.CancellationToken);
        Assert.NotNull(detail.Headers.ETag);
        Assert.Equal(top, await detail.ReadAsync<CountedView>());
        var articles = await GetAsync<PageOf<SummaryView>>($"/api/v1/keywords/{top.Id}/articles?limit=100");
        Assert.Equal(top.ArticleCount, articles.Items.Count);
    }

    [Fact]
    public async Task Sources_list_detail_and_articles()
    {
        var page = await GetAsync<PageOf<CountedView>>("/api/v1/sources");
        var expectedPublishers = TestJson.SampleRecords().Select(r => r["source"]!["name"]!.GetValue<string>()).Distinct().Count();
        Assert.True(page.Items.Count(s => s.ArticleCount > 0) == expectedPublishers);
        var top = page.Items[0];
        var detail = await GetAsync<SourceView>($"/api/v1/sources/{top.Id}");
        Assert.Equal(top.Name, detail.Name);
        var articles = await GetAsync<PageOf<SummaryView>>($"/api/v1/sources/{top.Id}/articles?limit=100");
        Assert.Equal(top.ArticleCount, articles.Items.Count);
        Assert.All(articles.Items, a => Assert.Equal(top.Id, a.Source.Id));
    }

    [Theory]
    [InlineData("/api/v1/entities/999999")]
    [InlineData("/api/v1/entities/999999/articles")]
    [InlineData("/api/v1/entities/999999/related-entities")]
    [InlineData("/api/v1/keywords/999999")]
    [InlineData("/api/v1/keywords/999999/articles")]
    [InlineData("/api/v1/sources/999999")]
    [InlineData("/api/v1/sources/999999/articles")]
    public async Task Missing_catalogue_rows_are_404_problems(string url)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await response.ReadAsync<ProblemView>()).Status);
    }

    [Theory]
    [InlineData("/api/v1/entities?limit=500")]
    [InlineData("/api/v1/entities?cursor=AAAA")]
    [InlineData("/api/v1/keywords?limit=-1")]
    [InlineData("/api/v1/sources?cursor=%25%25")]
    [InlineData("/api/v1/entities/1/related-entities?cursor=bad")]
    [InlineData("/api/v1/entities/1/articles?sort=oldest")]
    public async Task Bad_catalogue_parameters_are_400_problems(string url)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty((await response.ReadAsync<ProblemView>()).Errors!);
    }

    [Fact]
    public async Task Walking_entity_pages_yields_each_entity_once()
    {
        var seen = new List<int>();
        string? cursor = null;
        do
        {
            var page = await GetAsync<PageOf<EntityView>>("/api/v1/entities?limit=9" + (cursor is null ? "" : $"&cursor={cursor}"));
            seen.AddRange(page.Items.Select(e => e.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.True(seen.Count > 40);
    }
}

public sealed record RelatedView(int Id, string Name, string Type, int Count);
