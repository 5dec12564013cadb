using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsMeta.Api.Data;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Security;

/// <summary>
/// 10,000 generated hostile requests (<see cref="HostileRequests"/>) across every endpoint: none may get a
/// 5xx, and since every write among them must be refused, the store must be exactly as before (the
/// NDJSON export and the row count of every table).
/// </summary>
public sealed class FuzzTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    public const int Requests = 10_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ten_thousand_hostile_requests_get_no_5xx_and_leave_the_store_unchanged()
    {
        var client = factory.CreateClient();
        var before = await SnapshotAsync(client);
        var statuses = new ConcurrentDictionary<int, int>();
        var sent = 0;

        await HostileRequests.Any.SampleAsync(async request =>
        {
            using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Path);
            if (request.Key is { Length: > 0 } key)
            {
                message.Headers.TryAddWithoutValidation("X-Api-Key", key);
            }

            if (request.Body is { } body)
            {
                message.Content = new ByteArrayContent(body);
                if (request.ContentType is { } type)
                {
                    message.Content.Headers.TryAddWithoutValidation("Content-Type", type);
                }
            }

            var response = await client.SendAsync(message, Ct);
            Interlocked.Increment(ref sent);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if ((int)response.StatusCode >= 500)
            {
                throw new InvalidOperationException($"{(int)response.StatusCode} for {request}: {await response.Content.ReadAsStringAsync(Ct)}");
            }
        }, iter: Requests, threads: 2);

        Assert.True(sent >= Requests, $"only {sent} requests were sent");
        TestContext.Current.SendDiagnosticMessage("Fuzz statuses: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}")));
        // The generators reach the refusals they are meant to reach, not just one kind of error.
        Assert.Contains(400, statuses.Keys);
        Assert.Contains(401, statuses.Keys);
        Assert.Contains(403, statuses.Keys);
        Assert.Contains(404, statuses.Keys);
        Assert.Contains(422, statuses.Keys);

        var after = await SnapshotAsync(client);
        Assert.Equal(before.Counts, after.Counts);
        Assert.Equal(before.Export, after.Export);
    }

    private async Task<(string Export, Dictionary<string, int> Counts)> SnapshotAsync(HttpClient client)
    {
        var export = await client.GetStringAsync("/api/v1/articles/export", Ct);
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var counts = new Dictionary<string, int>
        {
            ["articles"] = await db.Articles.CountAsync(Ct),
            ["entities"] = await db.Entities.CountAsync(Ct),
            ["aliases"] = await db.EntityAliases.CountAsync(Ct),
            ["keywords"] = await db.Keywords.CountAsync(Ct),
            ["sources"] = await db.Sources.CountAsync(Ct),
            ["links"] = await db.ArticleLinks.CountAsync(Ct),
            ["mentions"] = await db.ArticleEntities.CountAsync(Ct),
            ["keywordTags"] = await db.ArticleKeywords.CountAsync(Ct),
            ["apiKeys"] = await db.ApiKeys.CountAsync(Ct),
            ["webhooks"] = await db.WebhookSubscriptions.CountAsync(Ct),
        };
        return (export, counts);
    }
}
