using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// Writers of the same externalIds take turns (PostgreSQL: transaction-scoped advisory locks in key
/// order, so two batches cannot deadlock; SQLite has one writer anyway). Without it, an import batch
/// racing single writes would hit the unique index again on every retry, once per racing writer; and a
/// re-enrichment could derive an article that a writer is replacing.
/// </summary>
public sealed class LockExternalIdsStep(NewsDbContext db) : IWriteStep
{
    public string Name => WriteSteps.LockKeys;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        var externalIds = batch.Kind switch
        {
            WriteKind.Upsert => batch.Records.Select(r => r.ExternalId!).ToList(),
            WriteKind.Delete => batch.Deleted is { } deleted ? [deleted.ExternalId] : [],
            _ => await db.Articles.Where(a => batch.ArticleIds.Contains(a.Id)).Select(a => a.ExternalId).ToListAsync(ct),
        };
        if (externalIds.Count > 0)
        {
            await db.Dialect.LockKeysAsync(db, externalIds.Select(KeyOf).Distinct().Order().ToArray(), ct);
        }
    }

    private static long KeyOf(string externalId) => BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(externalId)), 0);
}
