using NewsMeta.Api.Common;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>The stored articles' credits, keywords, entities and links: one bulk statement per table (<see cref="BulkInsert"/>).</summary>
public sealed class StorePartsStep(NewsDbContext db) : IWriteStep
{
    public string Name => WriteSteps.StoreParts;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        // Every keyword and entity row of a written article is stored here (the replaced ones went before),
        // so this is where they take the article's publishedAt, their list key.
        foreach (var article in batch.Written)
        {
            article.Keywords.ForEach(k => k.PublishedAt = article.PublishedAt);
            article.Entities.ForEach(e => e.PublishedAt = article.PublishedAt);
        }

        await db.InsertAsync(batch.Written.SelectMany(a => a.Credits).ToList(), ct);
        await db.InsertAsync(batch.Written.SelectMany(a => a.Keywords).ToList(), ct);
        await db.InsertAsync(batch.Written.SelectMany(a => a.Entities).ToList(), ct);
        await db.InsertAsync(batch.Written.SelectMany(a => a.Links).ToList(), ct);
    }
}
