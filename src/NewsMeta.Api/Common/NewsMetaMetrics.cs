using System.Diagnostics;
using System.Diagnostics.Metrics;
using NewsMeta.Api.Features.Articles;

namespace NewsMeta.Api.Common;

/// <summary>
/// The service's own meter, "NewsMeta": what it writes and how, what it sends, what the response cache saves.
/// Instruments follow the OpenTelemetry naming rules (dotted lower-case names, UCUM units, namespaced
/// attributes) and are listed in the README's "Metrics" section. Created through <see cref="IMeterFactory"/>,
/// so each host has its own meter (tests running several hosts in one process read only their own).
/// A measurement nobody listens to costs almost nothing, so the code records unconditionally; the OTLP
/// exporter (<see cref="Telemetry"/>) listens only when an endpoint is configured.
/// </summary>
public sealed class NewsMetaMetrics
{
    public const string MeterName = "NewsMeta";

    private readonly Counter<long> _writes;
    private readonly Histogram<double> _stepDuration;
    private readonly Counter<long> _webhookDeliveries;
    private readonly Counter<long> _importedArticles;
    private readonly Histogram<double> _importDuration;
    private readonly Counter<long> _cacheLookups;
    private readonly Histogram<int> _groupCommitSize;
    private readonly Counter<long> _matcherBuilds;
    private readonly Counter<long> _graphQLLists;

    public NewsMetaMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _writes = meter.CreateCounter<long>("newsmeta.writes", "{write}",
            "Article writes by entry path (newsmeta.write.path) and what became of each (newsmeta.write.outcome).");
        // Seconds, with bucket bounds from 1 ms to 10 s: a step is milliseconds when well, seconds when not.
        _stepDuration = meter.CreateHistogram("newsmeta.write.step.duration", "s",
            "Time one step of the write pipeline (newsmeta.write.step) took for one write or group of writes.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _webhookDeliveries = meter.CreateCounter<long>("newsmeta.webhook.deliveries", "{attempt}",
            "Webhook delivery attempts by outcome (newsmeta.webhook.outcome): delivered, retry (will be tried again), failed (gave up).");
        _importedArticles = meter.CreateCounter<long>("newsmeta.import.articles", "{article}",
            "Articles an NDJSON import stored or found unchanged; its rate is the import rate.");
        _importDuration = meter.CreateHistogram("newsmeta.import.duration", "s",
            "How long one NDJSON import took, by outcome (newsmeta.import.outcome: completed, failed).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 5, 10, 30, 60, 300, 600, 1800, 3600] });
        _cacheLookups = meter.CreateCounter<long>("newsmeta.response_cache.lookups", "{lookup}",
            "Cacheable requests, by whether the response cache answered them (newsmeta.cache.result: hit, miss).");
        _groupCommitSize = meter.CreateHistogram("newsmeta.group_commit.size", "{write}",
            "How many single PUTs one group-commit transaction wrote.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128] });
        _matcherBuilds = meter.CreateCounter<long>("newsmeta.entity_matcher.builds", "{build}",
            "Entity matchers built from the catalogue: about one per instance per catalogue change.");
        _graphQLLists = meter.CreateCounter<long>("newsmeta.graphql.lists", "{list}",
            "GraphQL query lists of objects, by how they were completed (newsmeta.graphql.completion: projected, node_by_node).");
    }

    /// <summary>Counts <paramref name="count"/> writes through <paramref name="path"/> (a <see cref="WritePaths"/> value) with one outcome (a <see cref="WriteOutcomes"/> value).</summary>
    public void Wrote(string path, string outcome, long count = 1)
    {
        if (count > 0)
        {
            _writes.Add(count, new KeyValuePair<string, object?>("newsmeta.write.path", path), new KeyValuePair<string, object?>("newsmeta.write.outcome", outcome));
        }
    }

    /// <summary>Counts each outcome the article writer returned.</summary>
    public void Wrote(string path, IEnumerable<WriteOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            Wrote(path, WriteOutcomes.Of(outcome.Status));
        }
    }

    /// <summary>
    /// Awaits a write and counts its outcomes under <paramref name="path"/>; a write that throws counts
    /// <paramref name="records"/> failed writes (and the exception goes on to the caller).
    /// </summary>
    public async Task<IReadOnlyList<WriteOutcome>> CountAsync(string path, int records, Task<IReadOnlyList<WriteOutcome>> write) =>
        await CountAsync(path, records, write, outcomes => outcomes);

    /// <summary>As above, for a write whose result carries its outcomes (<paramref name="outcomes"/> finds them).</summary>
    public async Task<T> CountAsync<T>(string path, int records, Task<T> write, Func<T, IEnumerable<WriteOutcome>> outcomes)
    {
        try
        {
            var result = await write;
            Wrote(path, outcomes(result));
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Wrote(path, WriteOutcomes.Failed, records);
            throw;
        }
    }

    /// <summary>Times one write step until disposed: <c>using (metrics.Step(WriteSteps.X)) { … }</c>.</summary>
    public StepTimer Step(string step) => new(_stepDuration, step, Stopwatch.GetTimestamp());

    public void WebhookAttempt(string outcome) =>
        _webhookDeliveries.Add(1, new KeyValuePair<string, object?>("newsmeta.webhook.outcome", outcome));

    public void Imported(long articles, TimeSpan took, bool completed)
    {
        _importedArticles.Add(articles);
        _importDuration.Record(took.TotalSeconds, new KeyValuePair<string, object?>("newsmeta.import.outcome", completed ? "completed" : "failed"));
    }

    public void CacheLookup(bool hit) =>
        _cacheLookups.Add(1, new KeyValuePair<string, object?>("newsmeta.cache.result", hit ? "hit" : "miss"));

    public void GroupCommitted(int writes) => _groupCommitSize.Record(writes);

    public void EntityMatcherBuilt() => _matcherBuilds.Add(1);

    public void GraphQLListCompleted(bool projected) =>
        _graphQLLists.Add(1, new KeyValuePair<string, object?>("newsmeta.graphql.completion", projected ? "projected" : "node_by_node"));

    /// <summary>Records the elapsed time of one step when disposed.</summary>
    public readonly struct StepTimer(Histogram<double> histogram, string step, long started) : IDisposable
    {
        public void Dispose() =>
            histogram.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("newsmeta.write.step", step));
    }
}
