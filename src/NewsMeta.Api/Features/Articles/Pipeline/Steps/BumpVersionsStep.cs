using NewsMeta.Api.Common;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// Re-enriched articles that read differently (their mentions changed, or an entity they name was renamed
/// or merged) get a new version and changedAt, so the change feed lists them again and the outbox sends
/// <c>article.updated</c>.
/// </summary>
public sealed class BumpVersionsStep(NewsDbContext db) : IWriteStep
{
    public string Name => WriteSteps.BumpVersions;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        var changed = batch.Loaded.Where(a => batch.Rederived.Contains(a.Id) || batch.Touched.Contains(a.Id)).ToList();
        foreach (var article in changed)
        {
            article.ChangedAt = batch.Now;
            article.Version++;
            if (article.IsEmbargoed)
            {
                continue; // readers hear of it when it is released
            }

            batch.Changes.Add(new(Webhooks.WebhookEvents.Updated, article.Id, article.ExternalId));
        }

        if (changed.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            batch.ChangesStore = true;
        }
    }
}
