using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Enrichment;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// Before a delete changes them: the similar lists of the deleted article and of those linking to it get
/// the turns a write of those lists would take (two deletes of articles in each other's lists otherwise
/// deadlocked on PostgreSQL). The lists linking to it are read again under the locks: a writer that held
/// one may have added a link meanwhile. They are refilled after the commit.
/// </summary>
public sealed class LockSimilarListsStep(NewsDbContext db, SimilarArticles similar) : IWriteStep
{
    public string Name => WriteSteps.LockSimilarLists;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        var id = batch.Deleted!.Value.Id;
        var listsWithIt = db.ArticleLinks.Where(l => l.TargetArticleId == id && l.Origin == Origin.Computed && l.ArticleId != id)
            .Select(l => l.ArticleId).Distinct();
        await similar.LockListsForDeleteAsync([.. await listsWithIt.ToListAsync(ct), id], ct);
        batch.Bereft = await listsWithIt.ToListAsync(ct);
    }
}
