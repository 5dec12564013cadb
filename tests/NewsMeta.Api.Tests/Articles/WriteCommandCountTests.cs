using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NewsMeta.Api.Common;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Articles;

/// <summary>
/// The set-based write steps send the same number of SQL commands for a small import batch as for a
/// large one: their cost per batch does not grow with it. Commands are attributed to a step by the SQL
/// command count when the step's time is recorded (the pipeline's steps run one after another).
/// </summary>
/// <remarks>
/// The sizes: on PostgreSQL 9 and 30 articles, both above the size where the similar step takes one
/// coarse lock instead of fine ones (a different, fixed number of commands). On SQLite 3 and 8: its bulk
/// inserts are cut into statements of at most 999 parameters (<c>BulkInsert</c>), so about every 100
/// similar-link rows add a command there.
/// </remarks>
public sealed class WriteCommandCountTests(EmptyNewsMetaFactory factory) : IClassFixture<EmptyNewsMetaFactory>
{
    private static readonly string[] SetBasedSteps =
        [WriteSteps.ResolveCatalogue, WriteSteps.StoreParts, WriteSteps.SearchIndex, WriteSteps.SimilarLinks, WriteSteps.Counts];

#if POSTGRES
    private const int Small = 9;
    private const int Large = 30;
#else
    private const int Small = 3;
    private const int Large = 8;
#endif

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_large_batch_sends_as_many_commands_per_set_based_step_as_a_small_one()
    {
        var writer = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        // The catalogue rows exist after this one, and every similar list the later batches offer to is full.
        await ImportAsync(writer, "warm", 12);

        var small = await CommandsPerStepAsync(() => ImportAsync(writer, "small", Small));
        var large = await CommandsPerStepAsync(() => ImportAsync(writer, "large", Large));

        foreach (var step in SetBasedSteps)
        {
            Assert.True(small.ContainsKey(step), $"{step} did not run");
            Assert.True(small[step] > 0, $"{step} sent no command");
            Assert.True(small[step] == large[step], $"{step}: {small[step]} commands for {Small} articles, {large[step]} for {Large}");
        }
    }

    /// <summary>SQL commands sent by each write step while <paramref name="write"/> runs (one batch).</summary>
    private async Task<Dictionary<string, int>> CommandsPerStepAsync(Func<Task> write)
    {
        var meters = factory.Services.GetRequiredService<IMeterFactory>();
        var ends = new List<(string Step, int Commands)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Name == "newsmeta.write.step.duration")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "newsmeta.write.step" && tag.Value is string step)
                {
                    lock (ends)
                    {
                        ends.Add((step, factory.Sql.Count));
                    }
                }
            }
        });
        listener.Start();

        factory.Sql.Reset();
        await write();

        var perStep = new Dictionary<string, int>();
        for (var i = 1; i < ends.Count; i++)
        {
            perStep[ends[i].Step] = perStep.GetValueOrDefault(ends[i].Step) + ends[i].Commands - ends[i - 1].Commands;
        }

        return perStep;
    }

    /// <summary>
    /// <paramref name="count"/> articles in one NDJSON request (one batch): all name the same entity and
    /// keywords, so none of them is new after the first import, and each batch finds similar candidates.
    /// </summary>
    private static async Task ImportAsync(HttpClient writer, string prefix, int count)
    {
        var lines = Enumerable.Range(0, count).Select(i => new JsonObject
        {
            ["externalId"] = $"count-{prefix}-{i}",
            ["title"] = $"خبر {prefix} رقم {i} عن سوق السمك",
            ["body"] = $"تفاصيل الخبر رقم {i} عن سوق السمك في المدينة القديمة.",
            ["language"] = "ar",
            ["publishedAt"] = "2026-11-26T09:00:00Z",
            ["source"] = new JsonObject { ["name"] = "موقع الأفق الإخباري", ["kind"] = "site" },
            ["keywords"] = new JsonArray("سوق السمك", "صيادون", "أسعار"),
            ["entities"] = new JsonArray(new JsonObject { ["name"] = "نقابة الصيادين", ["type"] = "organization" }),
        }.ToJsonString());
        var response = await writer.PostAsync("/api/v1/articles/import",
            new StringContent(string.Join('\n', lines) + "\n", System.Text.Encoding.UTF8, "application/x-ndjson"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(count, (await response.NodeAsync())["created"]!.GetValue<int>());
    }
}
