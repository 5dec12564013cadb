using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// Fills <see cref="Article.NormalizedTitle"/> where it is missing (rows stored before the column existed;
/// the normaliser is C#, so a migration cannot). An internal lookup key: no new version.
/// </summary>
public sealed class TitleKeysStep(NewsDbContext db) : IWriteStep
{
    public string Name => WriteSteps.TitleKeys;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        if (!batch.What.HasFlag(Reenrichment.TitleKeys))
        {
            return;
        }

        foreach (var article in batch.Loaded.Where(a => a.NormalizedTitle is null))
        {
            article.NormalizedTitle = Article.TitleKey(article.Title);
            batch.ChangesStore = true;
        }

        await db.SaveChangesAsync(ct);
    }
}
