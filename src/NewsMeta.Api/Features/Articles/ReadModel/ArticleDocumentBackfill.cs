using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles.Pipeline;

namespace NewsMeta.Api.Features.Articles.ReadModel;

/// <summary>
/// Renders the documents of articles stored before the read model (or its latest column) existed, through
/// the write pipeline's re-enrichment (which derives nothing else when asked for nothing), in bounded
/// batches. Runs at start-up and after <c>migrate</c>; a store written since costs one query.
/// </summary>
public static class ArticleDocumentBackfill
{
    /// <summary>Articles per transaction: each holds one advisory lock per article on PostgreSQL.</summary>
    private const int Batch = 200;

    public static async Task RunAsync(NewsDbContext db, ArticleWriter writer, ILogger log, CancellationToken ct)
    {
        var filled = 0;
        var after = 0;
        while (true)
        {
            var ids = await db.Articles.Where(a => a.Id > after && !(db.ArticleDocuments.Any(d => d.Id == a.Id && d.Parts != null && d.LinksAt != null)
                    && db.ArticleLinksDocuments.Any(l => l.Id == a.Id && l.PartsLinks != null))).OrderBy(a => a.Id).Take(Batch)
                .Select(a => a.Id).ToListAsync(ct);
            if (ids.Count == 0)
            {
                break;
            }

            await writer.ReenrichAsync(ids, Reenrichment.None, ct);
            filled += ids.Count;
            after = ids[^1];
        }

        if (filled > 0)
        {
            log.LogInformation("Rendered the stored documents of {Count} articles whose documents were missing or lacked a later column", filled);
        }
    }
}
