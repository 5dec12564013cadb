using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Json;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Ingestion;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// Sorts the records: unchanged (same content hash as stored), rejected (its url is another article's),
/// or to write. A batch with nothing to write stops here.
/// </summary>
public sealed class ClassifyStep(NewsDbContext db) : IWriteStep
{
    public string Name => WriteSteps.Classify;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        var records = batch.Records;
        var externalIds = records.Select(r => r.ExternalId!).ToList();
        batch.Existing = await db.Articles.Where(a => externalIds.Contains(a.ExternalId)).ToDictionaryAsync(a => a.ExternalId, ct);
        var urlOwners = await UrlOwnersAsync(records, ct);
        batch.Outcomes = new WriteOutcome?[records.Count];
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var hash = ContentHash(record);
            batch.Existing.TryGetValue(record.ExternalId!, out var stored);
            if (record.Url is not null && urlOwners.TryGetValue(record.Url, out var owner) && owner != record.ExternalId)
            {
                batch.Outcomes[i] = new WriteOutcome(WriteStatus.Rejected, stored?.Id ?? 0,
                    new Dictionary<string, string[]> { ["url"] = [$"is already the url of article '{owner}'"] });
            }
            else if (stored is not null && stored.ContentHash == hash)
            {
                batch.Outcomes[i] = new WriteOutcome(WriteStatus.Unchanged, stored.Id);
            }
            else
            {
                batch.ToWrite.Add((i, record, hash));
                if (record.Url is not null)
                {
                    urlOwners[record.Url] = record.ExternalId!;
                }
            }
        }

        if (batch.ToWrite.Count == 0)
        {
            batch.Stop();
        }
    }

    /// <summary>A stable hash of the record as parsed (unknown fields and formatting do not count).</summary>
    private static string ContentHash(ArticleRecord record) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(record, NewsJson.Options)))[..32];

    private async Task<Dictionary<string, string>> UrlOwnersAsync(IReadOnlyList<ArticleRecord> records, CancellationToken ct)
    {
        var urls = records.Where(r => r.Url is not null).Select(r => r.Url!).Distinct().ToList();
        return urls.Count == 0
            ? []
            : await db.Articles.Where(a => a.Url != null && urls.Contains(a.Url)).ToDictionaryAsync(a => a.Url!, a => a.ExternalId, ct);
    }
}
