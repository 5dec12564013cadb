using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>The articles to derive again, tracked, with their entities (after any catalogue edit).</summary>
public sealed class LoadArticlesStep(NewsDbContext db) : IWriteStep
{
    public string Name => WriteSteps.LoadArticles;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        var needed = (batch.What & (Reenrichment.Mentions | Reenrichment.TitleKeys)) != 0 || batch.Touched.Count > 0;
        if (!needed || batch.ArticleIds.Count == 0)
        {
            return;
        }

        var ids = batch.ArticleIds.ToList();
        batch.Loaded.AddRange(await db.Articles.Include(a => a.Entities).Where(a => ids.Contains(a.Id)).OrderBy(a => a.Id).ToListAsync(ct));
    }
}
