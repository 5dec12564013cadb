using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// Links stored earlier whose target has just arrived now point at it: by externalId, else url, else
/// (links given by title alone) by normalised title, choosing as <see cref="TitleTarget.Best"/> does.
/// </summary>
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

        await ResolveByTitleAsync(batch.Written.Where(a => !a.IsEmbargoed).Select(a => a.NormalizedTitle).OfType<string>().Distinct().ToList(), ct);
    }

    /// <summary>
    /// Title-only links whose title is one of <paramref name="keys"/> (indexed), against every stored
    /// article with that title (indexed): the ones just written and any stored before. A link that already
    /// points at another copy moves when the new one is a better choice, so where a link ends up does not
    /// depend on which copy arrived first.
    /// </summary>
    private async Task ResolveByTitleAsync(List<string> keys, CancellationToken ct)
    {
        if (keys.Count == 0)
        {
            return;
        }

        var waiting = await (from l in db.ArticleLinks
                             where l.TargetTitleKey != null && keys.Contains(l.TargetTitleKey)
                             join a in db.Articles on l.ArticleId equals a.Id
                             select new { l.Id, l.ArticleId, l.TargetArticleId, Key = l.TargetTitleKey!, a.SourceId, a.PublishedAt }).ToListAsync(ct);
        if (waiting.Count == 0)
        {
            return;
        }

        var targets = (await TitleTarget.StoredAsync(db, keys, ct)).ToLookup(t => t.TitleKey);
        var chosen = waiting.Select(l => (l.Id, l.TargetArticleId, Best: TitleTarget.Best(targets[l.Key], l.ArticleId, l.SourceId, l.PublishedAt)))
            .Where(c => c.Best is not null && c.Best != c.TargetArticleId).GroupBy(c => c.Best!.Value, c => c.Id);
        foreach (var group in chosen)
        {
            var linkIds = group.ToList();
            await db.ArticleLinks.Where(l => linkIds.Contains(l.Id)).ExecuteUpdateAsync(set => set.SetProperty(l => l.TargetArticleId, group.Key), ct);
        }
    }
}
