using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles.Pipeline;

namespace NewsMeta.Api.Features.Articles;

/// <summary>
/// Fills <see cref="Article.NormalizedTitle"/> on rows stored before the column existed (the normaliser is
/// C#, so a migration cannot), through the write pipeline's re-enrichment. Runs at start-up; a store
/// written since needs nothing and costs one query.
/// </summary>
public static class TitleKeyBackfill
{
    /// <summary>Articles per transaction: each holds one advisory lock per article on PostgreSQL.</summary>
    private const int Batch = 200;

    public static async Task RunAsync(NewsDbContext db, ArticleWriter writer, ILogger log, CancellationToken ct)
    {
        var filled = 0;
        var after = 0;
        while (true)
        {
            var ids = await db.Articles.Where(a => a.NormalizedTitle == null && a.Id > after).OrderBy(a => a.Id).Take(Batch)
                .Select(a => a.Id).ToListAsync(ct);
            if (ids.Count == 0)
            {
                break;
            }

            await writer.ReenrichAsync(ids, Reenrichment.TitleKeys, ct);
            filled += ids.Count;
            after = ids[^1];
        }

        if (filled > 0)
        {
            log.LogInformation("Normalised the titles of {Count} articles stored before title lookups existed", filled);
        }
    }
}
