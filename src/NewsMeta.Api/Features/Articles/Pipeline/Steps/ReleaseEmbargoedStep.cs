using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// Articles whose embargo has passed become readers' (<see cref="Article.ReleasedVersion"/>): changedAt is
/// now, so the change feed lists them now, as <c>created</c>, and the outbox sends <c>article.created</c>.
/// They join <see cref="WriteBatch.Written"/> so the steps after treat them as arrivals: pending links
/// resolve to them, similar links are computed (and offered to others), and they count. Read under the
/// articles' locks, so an instance that comes second finds nothing left and writes nothing. The version
/// stays: what the article says did not change, and a writer's ETag stays valid.
/// </summary>
public sealed class ReleaseEmbargoedStep(NewsDbContext db) : IWriteStep
{
    public string Name => WriteSteps.ReleaseEmbargoed;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        var ids = batch.ArticleIds.ToList();
        var due = await db.Articles.Include(a => a.Keywords).Include(a => a.Entities)
            .Where(a => ids.Contains(a.Id) && a.ReleasedVersion == null && a.EmbargoUntil <= batch.Now)
            .OrderBy(a => a.Id).AsSplitQuery().ToListAsync(ct);
        if (due.Count == 0)
        {
            batch.Stop();
            return;
        }

        foreach (var article in due)
        {
            article.ReleasedVersion = article.Version;
            article.ChangedAt = batch.Now;
            batch.Written.Add(article);
            batch.Changes.Add(new(Webhooks.WebhookEvents.Created, article.Id, article.ExternalId));
        }

        await db.SaveChangesAsync(ct);
        batch.ChangesStore = true;
    }
}
