using System.Net;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Articles;

/// <summary>List endpoints run a fixed number of SQL commands whatever the page size (no N+1).</summary>
public sealed class SqlCommandCountTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/api/v1/articles", 4)]
    [InlineData("/api/v1/articles?language=ar&sort=publishedAt", 4)]
    [InlineData("/api/v1/entities", 1)]
    [InlineData("/api/v1/keywords", 1)]
    [InlineData("/api/v1/sources", 1)]
    [InlineData("/api/v1/entities/1/articles", 5)]
    [InlineData("/api/v1/keywords/1/articles", 5)]
    [InlineData("/api/v1/sources/1/articles", 5)]
    [InlineData("/api/v1/entities/1/related-entities", 3)]
    public async Task List_runs_the_same_small_number_of_commands_at_page_sizes_5_and_100(string path, int expected)
    {
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var small = await CountAsync($"{path}{separator}limit=5");
        var large = await CountAsync($"{path}{separator}limit=100");
        Assert.Equal(expected, small);
        Assert.Equal(expected, large);
    }

    [Fact]
    public async Task Single_article_runs_a_fixed_number_of_commands()
    {
        // The article, then one command per child list: credits, keywords, entities, links, bylines, media, sections.
        Assert.Equal(8, await CountAsync("/api/v1/articles/1"));
    }

    private async Task<int> CountAsync(string url)
    {
        await _client.GetAsync(url, TestContext.Current.CancellationToken); // warm up the connection and EF's query cache
        factory.Sql.Reset();
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return factory.Sql.Count;
    }
}
