using NewsMeta.Api.Common;
using NewsMeta.Api.Features.Search;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>Keeps the full-text index equal to the articles: stored ones (re)indexed, a deleted one removed.</summary>
public sealed class SearchIndexStep(SearchIndex search) : IWriteStep
{
    public string Name => WriteSteps.SearchIndex;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        if (batch.Written.Count > 0)
        {
            await search.IndexAsync(batch.Written.Select(a => new SearchDocument(a.Id, a.Title, a.Summary, a.Body)).ToList(), ct);
        }

        if (batch.Deleted is { } deleted && batch.DeleteStatus == DeleteStatus.Deleted)
        {
            await search.RemoveAsync(deleted.Id, ct);
        }
    }
}
