using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>Links stored earlier whose target has just arrived now point at it (by externalId, else url).</summary>
public sealed class ResolvePendingLinksStep(NewsDbContext db) : IWriteStep
{
    public string Name => WriteSteps.PendingLinks;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        // Embargoed arrivals are no link targets yet: the release runs this step for them.
        var ids = batch.Written.Where(a => !a.IsEmbargoed).Select(a => a.ExternalId).ToList();
        await db.ArticleLinks.Where(l => l.TargetArticleId == null && l.TargetExternalId != null && ids.Contains(l.TargetExternalId))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.TargetArticleId,
                l => db.Articles.Where(a => a.ExternalId == l.TargetExternalId).Select(a => (int?)a.Id).FirstOrDefault()), ct);
        var urls = batch.Written.Where(a => a.Url is not null && !a.IsEmbargoed).Select(a => a.Url!).ToList();
        if (urls.Count > 0)
        {
            await db.ArticleLinks.Where(l => l.TargetArticleId == null && l.TargetExternalId == null && l.TargetUrl != null && urls.Contains(l.TargetUrl))
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.TargetArticleId,
                    l => db.Articles.Where(a => a.Url == l.TargetUrl).Select(a => (int?)a.Id).FirstOrDefault()), ct);
        }
    }
}
