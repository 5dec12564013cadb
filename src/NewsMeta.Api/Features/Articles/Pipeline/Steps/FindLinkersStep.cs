using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// Before a delete: the articles with a link to it (publisher links lose their target, computed ones go),
/// so their documents are rendered again in the same transaction. Read under the similar-list locks.
/// </summary>
public sealed class FindLinkersStep(NewsDbContext db) : IWriteStep
{
    public string Name => WriteSteps.FindLinkers;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        var id = batch.Deleted!.Value.Id;
        batch.Rerender.AddRange(await db.ArticleLinks.Where(l => l.TargetArticleId == id && l.ArticleId != id)
            .Select(l => l.ArticleId).Distinct().ToListAsync(ct));
    }
}
