using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles.ReadModel;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// The stored documents (<see cref="ArticleDocument"/>) of every article whose representation this batch
/// changed, rendered after the last step that changes what an article shows: the articles written or
/// re-enriched whole, and the links of the articles linking to them (a link shows its target's title, url and
/// id, and similar links are offered to other articles' lists). A delete's document goes with its row; its
/// linkers were found before (<see cref="FindLinkersStep"/>).
/// </summary>
public sealed class StoreDocumentsStep(NewsDbContext db, ArticleDocumentWriter documents) : IWriteStep
{
    public string Name => WriteSteps.StoreDocuments;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        List<int> changed = batch.Kind switch
        {
            WriteKind.Upsert or WriteKind.Release => [.. batch.Written.Select(a => a.Id)],
            WriteKind.Reenrich => [.. Reenriched(batch)],
            _ => [],
        };
        // Others' documents show these articles only as link targets: their title or url may have changed (a
        // write), or a similar list was offered a link to them (a write, a similar recomputation). Those
        // documents change in their links alone, and only their links are rendered.
        var linksOnly = new HashSet<int>(batch.Rerender);
        var linkersChanged = batch.Kind is WriteKind.Upsert or WriteKind.Release || batch.What.HasFlag(Reenrichment.Similar) || batch.Rederived.Count > 0;
        if (changed.Count > 0 && linkersChanged)
        {
            linksOnly.UnionWith(await db.ArticleLinks.Where(l => l.TargetArticleId != null && changed.Contains(l.TargetArticleId.Value))
                .Select(l => l.ArticleId).Distinct().ToListAsync(ct));
        }

        if (changed.Count > 0 || linksOnly.Count > 0)
        {
            await documents.RenderAsync(changed, linksOnly, ct);
        }
    }

    /// <summary>
    /// What a re-enrichment changed: mentions found again, names renamed, similar lists recomputed; asked for
    /// nothing (the backfill), the documents themselves. Title keys are not shown.
    /// </summary>
    private static IEnumerable<int> Reenriched(WriteBatch batch) =>
        batch.What.HasFlag(Reenrichment.Similar) || batch.What == Reenrichment.None
            ? batch.ArticleIds.Concat(batch.Touched)
            : batch.Rederived.Concat(batch.Touched);
}
