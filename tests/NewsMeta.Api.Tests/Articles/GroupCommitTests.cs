using System.Net;
using System.Net.Http.Json;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Articles;

/// <summary>
/// Single PUTs that arrive together share a transaction (group commit), and each caller still gets
/// exactly the answer it would get alone.
/// </summary>
public sealed class GroupCommitTests(GroupCommitTests.Factory factory) : IClassFixture<GroupCommitTests.Factory>
{
    private const int Writers = 24;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Concurrent_puts_are_written_in_fewer_transactions_and_each_gets_its_own_article()
    {
        // What one write costs on its own, measured on this store.
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        factory.Sql.Reset();
        var alone = await client.PutAsJsonAsync("/api/v1/articles/by-external-id/group-alone", Record("group-alone", "خبر منفرد عن ميناء الريان"), Ct);
        Assert.Equal(HttpStatusCode.Created, alone.StatusCode);
        var aloneCommands = factory.Sql.Count;

        factory.Sql.Reset();
        var responses = await AllAtOnceAsync(Enumerable.Range(0, Writers).Select(i => ($"group-{i:D2}", $"خبر رقم {i} عن ميناء الريان")).ToList());

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.Response.StatusCode));
        var articles = await Task.WhenAll(responses.Select(async r => (r.ExternalId, Body: await r.Response.NodeAsync())));
        // Each answer is the caller's own article, read back after its commit.
        Assert.All(articles, a => Assert.Equal(a.ExternalId, a.Body["externalId"]!.GetValue<string>()));
        Assert.Equal(Writers, articles.Select(a => a.Body["id"]!.GetValue<int>()).Distinct().Count());
        // Grouped, the per-transaction statements are paid once per group: well under N single writes.
        Assert.True(factory.Sql.Count < Writers * aloneCommands * 3 / 4,
            $"{factory.Sql.Count} SQL commands for {Writers} concurrent writes; one write alone: {aloneCommands}");
    }

    [Fact]
    public async Task In_a_group_the_second_claim_on_a_url_is_refused_with_409_and_the_first_is_stored()
    {
        var responses = await AllAtOnceAsync([("url-first", "الأول"), ("url-second", "الثاني")], url: "https://news.example/shared-url");

        Assert.Single(responses, r => r.Response.StatusCode == HttpStatusCode.Created);
        var refused = Assert.Single(responses, r => r.Response.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal("application/problem+json", refused.Response.Content.Headers.ContentType?.MediaType);
        var winner = responses.Single(r => r.Response.StatusCode == HttpStatusCode.Created).ExternalId;
        var stored = await factory.ClientWithKey(NewsMetaFactory.ReadKey).GetAsync($"/api/v1/articles/by-external-id/{winner}", Ct);
        Assert.Equal("https://news.example/shared-url", (await stored.NodeAsync())["url"]!.GetValue<string>());
        var loser = await factory.ClientWithKey(NewsMetaFactory.ReadKey).GetAsync($"/api/v1/articles/by-external-id/{refused.ExternalId}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, loser.StatusCode);
    }

    private async Task<(string ExternalId, HttpResponseMessage Response)[]> AllAtOnceAsync(List<(string ExternalId, string Title)> writes, string? url = null)
    {
        using var start = new SemaphoreSlim(0);
        var tasks = writes.Select(async w =>
        {
            var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
            await start.WaitAsync(Ct);
            return (w.ExternalId, await client.PutAsJsonAsync($"/api/v1/articles/by-external-id/{w.ExternalId}", Record(w.ExternalId, w.Title, url), Ct));
        }).ToList();
        start.Release(writes.Count);
        return await Task.WhenAll(tasks);
    }

    private static object Record(string externalId, string title, string? url = null) => new
    {
        externalId,
        url,
        title,
        body = $"{title}: وصلت السفينة إلى الميناء وقال سليم الحوت إن الحركة تتزايد.",
        language = "ar",
        publishedAt = "2026-11-27T09:00:00Z",
        source = new { name = "صحيفة الواحة", kind = "newspaper" },
        keywords = new[] { "ميناء الريان", "سفن" },
        entities = new[] { new { name = "سليم الحوت", type = "person" } },
    };

    /// <summary>An empty store of its own, so the command counts are this class's only.</summary>
    public sealed class Factory : NewsMetaFactory
    {
        protected override bool Seed => false;
    }
}
