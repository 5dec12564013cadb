using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// The deleted article stops counting; computed similarity to it goes (an article that is gone is no
/// similarity); publisher links pointing at it stay, unresolved (they keep externalId/url/title); the row
/// goes, its own parts by cascade.
/// </summary>
public sealed class RemoveDeletedStep(NewsDbContext db) : IWriteStep
{
    public string Name => WriteSteps.RemoveDeleted;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        var (id, sourceId, externalId) = batch.Deleted!.Value;
        await StoredCounts.RemoveAsync(db, batch.Counts, [(id, sourceId)], ct);
        await db.ArticleLinks.Where(l => l.TargetArticleId == id && l.Origin == Origin.Computed).ExecuteDeleteAsync(ct);
        await db.Articles.Where(a => a.Id == id).ExecuteDeleteAsync(ct);
        batch.DeleteStatus = DeleteStatus.Deleted;
        // No webhook was sent for an article still under embargo, so none says it went.
        if (!batch.DeletedUnreleased)
        {
            batch.Changes.Add(new(Webhooks.WebhookEvents.Deleted, id, externalId));
        }

        batch.ChangesStore = true;
    }
}
