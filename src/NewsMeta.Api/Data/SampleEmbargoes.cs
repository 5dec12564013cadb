using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Ingestion;

namespace NewsMeta.Api.Data;

/// <summary>
/// The sample corpus's embargoed articles: their file carries no date, the embargo is set when they are seeded
/// (a day later), so a fresh store always has two articles only the write scope sees. Written through the
/// pipeline like any record, after the corpus (they use its sources).
/// </summary>
public static class SampleEmbargoes
{
    public static string File => Path.Combine(AppContext.BaseDirectory, "Data", "SampleData", "sample-embargoed.ndjson");

    public static readonly TimeSpan Lasts = TimeSpan.FromDays(1);

    public static async Task SeedAsync(ArticleWriter writer, DateTime now, CancellationToken ct)
    {
        var records = new List<ArticleRecord>();
        foreach (var line in await System.IO.File.ReadAllLinesAsync(File, ct))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var (record, errors) = NdjsonImporter.Parse(line);
            errors ??= record is null ? [] : ArticleRecordValidator.Validate(record);
            if (record is null || errors.Count > 0)
            {
                throw new InvalidDataException($"{File}: a sample record is not valid ({string.Join(", ", errors.Keys)})");
            }

            record.EmbargoUntil = now + Lasts;
            records.Add(record);
        }

        await writer.UpsertAsync(records, ct);
    }
}
