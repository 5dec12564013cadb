using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsMeta.Api.Data;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Security;

/// <summary>Many clients writing the same articles at once: one article per externalId, no lost update, no 5xx.</summary>
public sealed class ConcurrencyTests(ConcurrencyTests.Factory factory) : IClassFixture<ConcurrencyTests.Factory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>What the server logged about failed requests: unhandled ones first (retried conflicts are logged too).</summary>
    private string ServerErrors() =>
        string.Join(" | ", factory.Logs.Lines.Where(l => l.Contains("unhandled exception", StringComparison.OrdinalIgnoreCase))
            .Concat(factory.Logs.Lines.Where(l => l.Contains("Database unavailable", StringComparison.Ordinal))).Take(2));

    [Fact]
    public async Task Thirty_two_writers_on_eight_externalIds_leave_eight_articles_each_at_version_four()
    {
        var ids = Enumerable.Range(0, 8).Select(i => $"race-{i}").ToList();
        var writes = Enumerable.Range(0, 32).Select(w => (ExternalId: ids[w % 8], Title: $"نسخة {w} من الخبر")).ToList();
        using var start = new SemaphoreSlim(0);
        var tasks = writes.Select(async w =>
        {
            var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
            await start.WaitAsync(Ct);
            return (w.ExternalId, Response: await client.PutAsJsonAsync($"/api/v1/articles/by-external-id/{w.ExternalId}", Record(w.Title), Ct));
        }).ToList();
        start.Release(writes.Count);
        var results = await Task.WhenAll(tasks);

        // On failure, say what the server logged about it (a 503 is a database timeout or refusal).
        Assert.All(results, r => Assert.True(r.Response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created,
            $"{r.ExternalId}: {(int)r.Response.StatusCode}; server: {ServerErrors()}"));
        Assert.All(results.GroupBy(r => r.ExternalId), g => Assert.Single(g, r => r.Response.StatusCode == HttpStatusCode.Created));

        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<NewsDbContext>().Articles.AsNoTracking()
            .Where(a => ids.Contains(a.ExternalId)).Select(a => new { a.ExternalId, a.Version, a.Title }).ToListAsync(Ct);
        Assert.Equal(8, stored.Count);
        // Every write changed the content, so every one of the four counted: none was lost to another.
        Assert.All(stored, a => Assert.Equal(4, a.Version));
        Assert.All(stored, a => Assert.Contains((a.ExternalId, a.Title), writes));
    }

    [Fact]
    public async Task Of_eight_writers_holding_the_same_etag_exactly_one_wins_and_the_rest_get_412()
    {
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        var created = await client.PutAsJsonAsync("/api/v1/articles/by-external-id/if-match-race", Record("الأصل"), Ct);
        var etag = created.Headers.ETag!.Tag;
        using var start = new SemaphoreSlim(0);
        var tasks = Enumerable.Range(0, 8).Select(async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/articles/by-external-id/if-match-race") { Content = JsonContent.Create(Record($"تعديل {i}")) };
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            request.Headers.Add("X-Api-Key", NewsMetaFactory.WriteKey);
            var own = factory.CreateClient();
            await start.WaitAsync(Ct);
            return (await own.SendAsync(request, Ct)).StatusCode;
        }).ToList();
        start.Release(8);
        var statuses = await Task.WhenAll(tasks);

        Assert.Single(statuses, s => s == HttpStatusCode.OK);
        Assert.Equal(7, statuses.Count(s => s == HttpStatusCode.PreconditionFailed));
    }

    [Fact]
    public async Task An_import_and_single_writes_racing_on_the_same_records_stay_one_article_each()
    {
        var ids = Enumerable.Range(0, 60).Select(i => $"import-race-{i}").ToList();
        var ndjson = new StringBuilder();
        foreach (var id in ids)
        {
            ndjson.AppendLine(System.Text.Json.JsonSerializer.Serialize(new { externalId = id, title = "من الاستيراد", body = "نص.", language = "ar", publishedAt = "2026-11-27T09:00:00Z", source = new { name = "صحيفة الواحة", kind = "newspaper" } }));
        }

        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        var import = client.PostAsync("/api/v1/articles/import", new StringContent(ndjson.ToString(), Encoding.UTF8, "application/x-ndjson"), Ct);
        var singles = ids.Where((_, i) => i % 3 == 0).Select(id => client.PutAsJsonAsync($"/api/v1/articles/by-external-id/{id}", Record("من كاتب منفرد"), Ct)).ToList();
        var importResponse = await import;
        var singleResponses = await Task.WhenAll(singles);

        Assert.True(importResponse.StatusCode == HttpStatusCode.OK, await importResponse.Content.ReadAsStringAsync(Ct) + string.Join("\n", factory.Logs.Lines.Where(l => l.Contains("unhandled", StringComparison.OrdinalIgnoreCase)).Take(1)));
        Assert.Empty((await importResponse.NodeAsync())["rejected"]!.AsArray());
        Assert.All(singleResponses, r => Assert.True(r.IsSuccessStatusCode,
            $"{(int)r.StatusCode}; server: {ServerErrors()}"));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var stored = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.ExternalId)).Select(a => new { a.ExternalId, a.Title }).ToListAsync(Ct);
        Assert.Equal(60, stored.Count);
        Assert.Equal(60, stored.Select(a => a.ExternalId).Distinct().Count());
        // Whichever write came last, the search index agrees with the stored title (written in the same transaction).
        var search = await (await client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString("الاستيراد") + "&limit=100", Ct)).NodeAsync();
        var found = search["items"]!.AsArray().Select(a => a!["externalId"]!.GetValue<string>()).Where(ids.Contains).Order().ToList();
        Assert.Equal(stored.Where(a => a.Title == "من الاستيراد").Select(a => a.ExternalId).Order().ToList(), found);
    }

    private static object Record(string title) => new
    {
        title,
        body = $"{title}: نص الخبر.",
        language = "ar",
        publishedAt = "2026-11-27T09:00:00Z",
        source = new { name = "صحيفة الواحة", kind = "newspaper" },
    };

    /// <summary>An empty store whose error log lines a failing assertion can show.</summary>
    public sealed class Factory : NewsMetaFactory
    {
        public CapturedLogs Logs { get; } = new();

        protected override bool Seed => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }
    }
}
