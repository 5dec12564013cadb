using System.Net;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Articles;

/// <summary>List endpoints run a fixed number of SQL commands whatever the page size (no N+1).</summary>
public sealed class SqlCommandCountTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/api/v1/articles", 1)]
    [InlineData("/api/v1/articles?language=ar&sort=publishedAt", 1)]
    [InlineData("/api/v1/entities", 1)]
    [InlineData("/api/v1/keywords", 1)]
    [InlineData("/api/v1/sources", 1)]
    [InlineData("/api/v1/entities/1/articles", 2)]
    [InlineData("/api/v1/keywords/1/articles", 2)]
    [InlineData("/api/v1/sources/1/articles", 2)]
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
    public async Task Single_article_is_one_lookup_of_its_stored_document()
    {
        Assert.Equal(1, await CountAsync("/api/v1/articles/1"));
        Assert.Equal(1, await CountAsync("/api/v1/articles/by-external-id/shorouq-2026-03-10-budget-vote"));
    }

    [Fact]
    public async Task Article_in_another_format_is_computed_from_the_tables()
    {
        // JSON-LD is built from the article's DTO: its id, then the article and one command per child list.
        Assert.Equal(9, await CountAsync("/api/v1/articles/1", "application/ld+json"));
    }

    private async Task<int> CountAsync(string url, string accept = "application/json")
    {
        using var warm = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Accept", accept } } };
        await _client.SendAsync(warm, TestContext.Current.CancellationToken); // warm up the connection and EF's query cache
        factory.Sql.Reset();
        using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Accept", accept } } };
        var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return factory.Sql.Count;
    }
}
