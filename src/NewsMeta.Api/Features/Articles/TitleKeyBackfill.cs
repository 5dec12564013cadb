using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles;

/// <summary>
/// Fills <see cref="Article.NormalizedTitle"/> on rows stored before the column existed (the normaliser is
/// C#, so a migration cannot). Runs at start-up; a store written since needs nothing and costs one query.
/// </summary>
public static class TitleKeyBackfill
{
    private const int Batch = 1000;

    public static async Task RunAsync(NewsDbContext db, ILogger log, CancellationToken ct)
    {
        var filled = 0;
        while (true)
        {
            var rows = await db.Articles.Where(a => a.NormalizedTitle == null).OrderBy(a => a.Id).Take(Batch)
                .Select(a => new { a.Id, a.Title }).ToListAsync(ct);
            if (rows.Count == 0)
            {
                break;
            }

            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var row in rows)
            {
                var key = Article.TitleKey(row.Title);
                await db.Articles.Where(a => a.Id == row.Id).ExecuteUpdateAsync(set => set.SetProperty(a => a.NormalizedTitle, key), ct);
            }

            await tx.CommitAsync(ct);
            filled += rows.Count;
        }

        if (filled > 0)
        {
            log.LogInformation("Normalised the titles of {Count} articles stored before title lookups existed", filled);
        }
    }
}
