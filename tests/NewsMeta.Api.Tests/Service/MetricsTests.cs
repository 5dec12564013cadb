using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using NewsMeta.Api.Common;
using NewsMeta.Api.Tests.Infrastructure;
using NewsMeta.Api.Tests.Webhooks;

namespace NewsMeta.Api.Tests.Service;

/// <summary>
/// The NewsMeta meter, read the way an exporter reads it: each host's meter comes from its own
/// IMeterFactory, so a collector scoped to that factory sees this host's measurements only.
/// </summary>
public sealed class MetricsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Writes_are_counted_by_path_and_outcome_and_their_steps_timed()
    {
        await using var factory = new EmptyNewsMetaFactory();
        using var writes = Collect<long>(factory, "newsmeta.writes");
        using var steps = Collect<double>(factory, "newsmeta.write.step.duration");
        using var groups = Collect<int>(factory, "newsmeta.group_commit.size");
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);

        var id = (await (await PutAsync(client, "metrics-1", "سوق الخضار يفتح أبوابه")).NodeAsync())["id"]!.GetValue<int>();
        await PutAsync(client, "metrics-1", "سوق الخضار يفتح أبوابه");
        await PutAsync(client, "metrics-1", "سوق الخضار يفتح أبوابه من جديد");
        var graph = await client.GraphQLAsync("mutation { upsertArticle(input: { externalId: \"metrics-2\", title: \"معرض الكتاب\", body: \"افتتح معرض الكتاب.\", language: \"ar\", publishedAt: \"2026-11-27T09:00:00Z\", source: { name: \"صحيفة الواحة\", kind: NEWSPAPER } }) { status } }");
        Assert.Equal("CREATED", graph.Data["upsertArticle"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/articles/{id}", Ct)).StatusCode);

        Assert.Equal(
            [("rest", "created"), ("rest", "unchanged"), ("rest", "updated"), ("graphql", "created"), ("rest", "deleted")],
            writes.GetMeasurementSnapshot().Select(m => ((string)m.Tags["newsmeta.write.path"]!, (string)m.Tags["newsmeta.write.outcome"]!)));
        Assert.All(writes.GetMeasurementSnapshot(), m => Assert.Equal(1, m.Value));

        // Each pipeline step is timed per batch it runs in: the four upserts were classified, the unchanged
        // one stopped there; the three stored ones were enriched; the delete ran its own steps, the
        // search index (which forgot the article) and the counts among them.
        var timed = steps.GetMeasurementSnapshot();
        int Timed(string step) => timed.Count(m => (string)m.Tags["newsmeta.write.step"]! == step);
        Assert.Equal(4, Timed(WriteSteps.Classify));
        Assert.Equal((3, 3, 3), (Timed(WriteSteps.StoreArticles), Timed(WriteSteps.Keyphrases), Timed(WriteSteps.SimilarLinks)));
        Assert.Equal((4, 4, 1), (Timed(WriteSteps.SearchIndex), Timed(WriteSteps.Counts), Timed(WriteSteps.RemoveDeleted)));

        Assert.All(timed, m => Assert.InRange(m.Value, 0, 60));
        // The three PUTs went through group commit, one at a time.
        Assert.Equal([1, 1, 1], groups.GetMeasurementSnapshot().Select(m => m.Value));
    }

    [Fact]
    public async Task Webhook_attempts_are_counted_by_outcome()
    {
        await using var factory = new WebhookFactory();
        await using var receiver = new WebhookReceiver { Answer = n => n == 0 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.NoContent };
        using var deliveries = Collect<long>(factory, "newsmeta.webhook.deliveries");
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        var subscribed = await client.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url(), events = new[] { "article.created" }, secret = "metrics-secret-0123456789" }, Ct);
        Assert.Equal(HttpStatusCode.Created, subscribed.StatusCode);

        await PutAsync(client, "metrics-hook", "خبر يرسل إلى الشريك");
        Assert.Equal(1, await factory.SendDueAsync()); // 503: to be retried
        factory.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await factory.SendDueAsync()); // 204: delivered

        Assert.Equal(["retry", "delivered"], deliveries.GetMeasurementSnapshot().Select(m => (string)m.Tags["newsmeta.webhook.outcome"]!));
    }

    [Fact]
    public async Task A_cached_read_counts_a_miss_then_a_hit_and_a_write_makes_the_next_a_miss()
    {
        await using var factory = new NewsMetaFactory { Settings = { ["Caching:InProcess"] = "true" } };
        using var lookups = Collect<long>(factory, "newsmeta.response_cache.lookups");
        var client = factory.CreateClient();
        const string Url = "/api/v1/articles/by-external-id/shorouq-2026-03-10-budget-vote";

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Url, Ct)).StatusCode);
        var record = TestJson.SampleRecords().Single(r => r["externalId"]!.GetValue<string>() == "shorouq-2026-03-10-budget-vote");
        record["title"] = "عنوان جديد يبطل ما في الذاكرة";
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientWithKey(NewsMetaFactory.WriteKey).PutAsJsonAsync(Url, record, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Url, Ct)).StatusCode);

        Assert.Equal(["miss", "hit", "miss"], lookups.GetMeasurementSnapshot().Select(m => (string)m.Tags["newsmeta.cache.result"]!));
    }

    private static MetricCollector<T> Collect<T>(NewsMetaFactory factory, string instrument)
        where T : struct =>
        new(factory.Services.GetRequiredService<IMeterFactory>(), NewsMetaMetrics.MeterName, instrument);

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string externalId, string title)
    {
        var response = await client.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", new
        {
            title,
            body = $"{title}. وقال المنظمون إن الإقبال كان كبيرا.",
            language = "ar",
            publishedAt = "2026-11-27T09:00:00Z",
            source = new { name = "صحيفة الواحة", kind = "newspaper" },
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return response;
    }
}
