using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Articles.Pipeline;

namespace NewsMeta.Api.Features.Enrichment;

/// <summary>
/// Recomputes the similar links of articles whose computed links were stored before links carried
/// reasons, so every computed link explains itself; through the write pipeline's re-enrichment, so
/// cached reads go with the old links. Runs at start-up; on a store written since it costs one query.
/// </summary>
public static class LinkReasonsBackfill
{
    private const int Batch = 200;

    public static async Task RunAsync(NewsDbContext db, ArticleWriter writer, ILogger log, CancellationToken ct)
    {
        var done = 0;
        var after = 0;
        while (true)
        {
            var ids = await db.ArticleLinks.Where(l => l.Origin == Origin.Computed && l.Reasons == null && l.ArticleId > after)
                .Select(l => l.ArticleId).Distinct().OrderBy(id => id).Take(Batch).ToListAsync(ct);
            if (ids.Count == 0)
            {
                break;
            }

            await writer.ReenrichAsync(ids, Reenrichment.Similar, ct);
            done += ids.Count;
            after = ids[^1];
        }

        if (done > 0)
        {
            log.LogInformation("Recomputed the similar links of {Count} articles stored before links carried reasons", done);
        }
    }
}
