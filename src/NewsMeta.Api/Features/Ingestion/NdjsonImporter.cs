using System.Diagnostics;
using System.Text.Json;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Http;
using NewsMeta.Api.Common.Json;
using NewsMeta.Api.Features.Articles;

namespace NewsMeta.Api.Features.Ingestion;

/// <summary>
/// Streams NDJSON into <see cref="ArticleWriter"/> in batches: the file is never held in memory, a bad
/// line is reported with its number and never stops the rest, each batch commits as a whole.
/// </summary>
public sealed class NdjsonImporter(ArticleWriter writer, NewsMetaMetrics metrics, ILogger<NdjsonImporter> log)
{
    public const int BatchSize = 500;
    public const int MaxLineChars = 1_000_000;

    /// <summary>UTF-8 needs at most 3 bytes per UTF-16 character: a line longer than this has more than <see cref="MaxLineChars"/>.</summary>
    public const int MaxLineBytes = 3 * MaxLineChars;

    private static Dictionary<string, string[]> TooLong() => new() { ["line"] = [$"is longer than {MaxLineChars} characters"] };

    /// <param name="input">The NDJSON stream.</param>
    /// <param name="progress">Called after each batch with (lines read, bytes read).</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<ImportReport> ImportAsync(Stream input, Action<int, long>? progress, CancellationToken ct)
    {
        var report = new ImportReport();
        var started = Stopwatch.GetTimestamp();
        try
        {
            await ReadAllAsync(input, report, progress, ct);
        }
        catch
        {
            metrics.Imported(report.Created + report.Updated + report.Unchanged, Stopwatch.GetElapsedTime(started), completed: false);
            throw;
        }

        metrics.Imported(report.Created + report.Updated + report.Unchanged, Stopwatch.GetElapsedTime(started), completed: true);
        log.LogInformation("Import finished: {Created} created, {Updated} updated, {Unchanged} unchanged, {Rejected} rejected",
            report.Created, report.Updated, report.Unchanged, report.RejectedCount);
        return report;
    }

    private async Task ReadAllAsync(Stream input, ImportReport report, Action<int, long>? progress, CancellationToken ct)
    {
        var batch = new List<(int Line, ArticleRecord Record)>(BatchSize);
        var lineNumber = 0;
        long bytes = 0;
        await foreach (var (number, line, bytesRead) in NdjsonLineReader.ReadAsync(input, MaxLineBytes, ct))
        {
            (lineNumber, bytes) = (number, bytesRead);
            if (line is not null && string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var (record, errors) = line is null ? (null, TooLong()) : Parse(line);
            if (record is not null)
            {
                batch.Add((lineNumber, record));
            }
            else
            {
                report.Reject(lineNumber, errors!);
            }

            if (batch.Count >= BatchSize)
            {
                await FlushAsync(batch, report, ct);
                progress?.Invoke(lineNumber, bytes);
            }
        }

        await FlushAsync(batch, report, ct);
        progress?.Invoke(lineNumber, bytes);
    }

    /// <summary>One line → a valid record, or the reasons it is not one.</summary>
    public static (ArticleRecord? Record, Dictionary<string, string[]>? Errors) Parse(string line)
    {
        if (line.Length > MaxLineChars)
        {
            return (null, TooLong());
        }

        if (line.Contains('\uFFFD', StringComparison.Ordinal))
        {
            return (null, new() { ["line"] = ["is not valid UTF-8"] });
        }

        ArticleRecord? record;
        try
        {
            record = JsonSerializer.Deserialize<ArticleRecord>(line, NewsJson.Options);
        }
        catch (JsonException ex)
        {
            return (null, new() { [JsonBody.FieldOf(ex.Path)] = [JsonBody.Message(ex)] });
        }

        if (record is null)
        {
            return (null, new() { ["line"] = ["must be a JSON object"] });
        }

        var errors = ArticleRecordValidator.Validate(record);
        return errors.Count > 0 ? (null, errors) : (record, null);
    }

    private async Task FlushAsync(List<(int Line, ArticleRecord Record)> batch, ImportReport report, CancellationToken ct)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var outcomes = await metrics.CountAsync(WritePaths.Import, batch.Count, writer.UpsertAsync(batch.Select(b => b.Record).ToList(), ct));
        for (var i = 0; i < outcomes.Count; i++)
        {
            switch (outcomes[i].Status)
            {
                case WriteStatus.Created: report.Created++; break;
                case WriteStatus.Updated: report.Updated++; break;
                case WriteStatus.Unchanged: report.Unchanged++; break;
                default: report.Reject(batch[i].Line, outcomes[i].Errors!.ToDictionary()); break;
            }
        }

        batch.Clear();
    }
}
