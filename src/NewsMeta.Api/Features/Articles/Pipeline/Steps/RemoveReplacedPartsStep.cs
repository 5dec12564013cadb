using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// The stored versions of articles being replaced stop counting for their source, keywords and entities,
/// and their publisher-given parts go. Computed links (similar) are the enrichment's and stay.
/// </summary>
public sealed class RemoveReplacedPartsStep(NewsDbContext db) : IWriteStep
{
    public string Name => WriteSteps.RemoveReplaced;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        var replaced = batch.ToWrite.Where(w => batch.Existing.ContainsKey(w.Record.ExternalId!)).Select(w => batch.Existing[w.Record.ExternalId!]).ToList();
        if (replaced.Count == 0)
        {
            return;
        }

        var ids = replaced.Select(a => a.Id).ToList();
        await StoredCounts.RemoveAsync(db, batch.Counts, replaced.Select(a => (a.Id, a.SourceId)).ToList(), ct);
        await db.ArticleCredits.Where(c => ids.Contains(c.ArticleId)).ExecuteDeleteAsync(ct);
        await db.ArticleKeywords.Where(k => ids.Contains(k.ArticleId)).ExecuteDeleteAsync(ct);
        await db.ArticleEntities.Where(e => ids.Contains(e.ArticleId)).ExecuteDeleteAsync(ct);
        await db.ArticleLinks.Where(l => ids.Contains(l.ArticleId) && l.Origin == Origin.Publisher).ExecuteDeleteAsync(ct);
    }
}

/// <summary>Reads what stored articles count for, so a replace or delete can take it away.</summary>
internal static class StoredCounts
{
    public static async Task RemoveAsync(NewsDbContext db, CatalogCountDeltas counts, IReadOnlyList<(int Id, int SourceId)> articles, CancellationToken ct)
    {
        // Only what counted can stop counting: an embargoed article was never counted.
        var stored = articles.Select(a => a.Id).ToList();
        var ids = await db.Articles.Where(a => stored.Contains(a.Id) && a.ReleasedVersion != null).Select(a => a.Id).ToListAsync(ct);
        var keywordsOf = (await db.ArticleKeywords.Where(k => ids.Contains(k.ArticleId)).Select(k => new { k.ArticleId, k.KeywordId }).ToListAsync(ct))
            .ToLookup(k => k.ArticleId, k => k.KeywordId);
        var entitiesOf = (await db.ArticleEntities.Where(e => ids.Contains(e.ArticleId)).Select(e => new { e.ArticleId, e.EntityId }).ToListAsync(ct))
            .ToLookup(e => e.ArticleId, e => e.EntityId);
        foreach (var (id, sourceId) in articles.Where(a => ids.Contains(a.Id)))
        {
            counts.Remove(sourceId, keywordsOf[id], entitiesOf[id]);
        }
    }
}
