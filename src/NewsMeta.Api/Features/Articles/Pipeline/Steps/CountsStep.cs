using NewsMeta.Api.Common;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// The stored articles count for their source, keywords (extracted ones too) and entities; then every
/// delta of the batch is applied (<see cref="CatalogCountDeltas"/>). Late in the transaction: the rows
/// every writer shares (a publisher, a frequent name) stay locked for the commit only.
/// </summary>
public sealed class CountsStep(NewsDbContext db) : IWriteStep
{
    public string Name => WriteSteps.Counts;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        // An embargoed article counts for nothing until it is released (the release step puts it in Written).
        foreach (var article in batch.Written.Where(a => !a.IsEmbargoed))
        {
            batch.Counts.Add(article.SourceId, article.Keywords.Select(k => k.Keyword?.Id ?? k.KeywordId), article.Entities.Select(e => e.Entity?.Id ?? e.EntityId));
        }

        await batch.Counts.ApplyAsync(db, ct);
    }
}
