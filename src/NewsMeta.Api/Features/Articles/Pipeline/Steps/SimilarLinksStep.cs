using NewsMeta.Api.Common;
using NewsMeta.Api.Features.Enrichment;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// Computed similar links (<see cref="SimilarArticles"/>) of the stored articles; in a re-enrichment, of
/// those asked for, or else of those whose mentions changed. Each is offered to its candidates too.
/// </summary>
public sealed class SimilarLinksStep(SimilarArticles similar) : IWriteStep
{
    public string Name => WriteSteps.SimilarLinks;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        var ids = batch.Kind switch
        {
            WriteKind.Upsert or WriteKind.Release => batch.Written.Select(a => a.Id).ToList(),
            WriteKind.Reenrich when batch.What.HasFlag(Reenrichment.Similar) => batch.ArticleIds.ToList(),
            WriteKind.Reenrich => batch.Rederived.ToList(),
            _ => [],
        };
        if (ids.Count == 0)
        {
            return;
        }

        await similar.ComputeAsync(ids, ct);
        batch.ChangesStore = true;
    }
}
