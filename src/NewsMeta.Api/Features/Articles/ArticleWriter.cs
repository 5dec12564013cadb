using NewsMeta.Api.Features.Articles.Pipeline;
using NewsMeta.Api.Features.Ingestion;

namespace NewsMeta.Api.Features.Articles;

/// <summary>
/// The one way to change what articles say: REST PUT, GraphQL, NDJSON import, page import (upserts),
/// deletes, and the re-enrichment that entity edits, the relink job and the backfills ask for. Each runs
/// one list of <see cref="WritePipelineSteps"/> in one transaction: every article in a batch is either
/// wholly stored or absent, and the change feed, webhooks, counts and cached reads move with it.
/// Records must already have passed <see cref="ArticleRecordValidator"/>.
/// </summary>
public sealed class ArticleWriter(WritePipeline pipeline, ILogger<ArticleWriter> log)
{
    /// <summary>Upserts by externalId; returns one outcome per record, in order.</summary>
    /// <param name="records">Validated records.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="precondition">
    /// For a single conditional write (If-Match): checked inside the write's transaction, again on every
    /// retry, so two writers holding the same ETag cannot both succeed; false gives <see cref="WriteStatus.PreconditionFailed"/>.
    /// </param>
    public async Task<IReadOnlyList<WriteOutcome>> UpsertAsync(IReadOnlyList<ArticleRecord> records, CancellationToken ct, Func<CancellationToken, Task<bool>>? precondition = null)
    {
        var outcomes = new List<WriteOutcome>(records.Count);
        // A repeated externalId starts a new run, so the later record wins, as if sent one by one.
        foreach (var run in SplitAtRepeats(records))
        {
            var batch = await pipeline.RunAsync(WritePipelineSteps.Upsert, () => new WriteBatch { Kind = WriteKind.Upsert, Records = run, Precondition = precondition }, ct);
            outcomes.AddRange(batch.Outcomes.Select(o => o!));
        }

        return outcomes;
    }

    /// <summary>
    /// Deletes an article; publisher links pointing at it become unresolved (they keep externalId/url/title),
    /// and the similar lists it was in are recomputed right after.
    /// </summary>
    /// <param name="id">The article.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="precondition">
    /// For a conditional delete (If-Match): checked inside the delete's transaction, after the article's
    /// externalId is locked as writers lock it, so a write in between cannot be deleted unseen.
    /// </param>
    public async Task<DeleteStatus> DeleteAsync(int id, CancellationToken ct, Func<CancellationToken, Task<bool>>? precondition = null)
    {
        var batch = await pipeline.RunAsync(WritePipelineSteps.Delete, () => new WriteBatch { Kind = WriteKind.Delete, DeleteId = id, Precondition = precondition }, ct);
        if (batch.DeleteStatus == DeleteStatus.Deleted && batch.Bereft.Count > 0)
        {
            await RefillSimilarAsync(batch.Bereft, ct);
        }

        return batch.DeleteStatus;
    }

    /// <summary>
    /// Derives again what stored articles say (<see cref="WritePipelineSteps.Reenrich"/>), after
    /// <paramref name="edit"/> (a catalogue change, made under the articles' locks in the same transaction).
    /// Returns the batch: its <see cref="WriteBatch.Changes"/> are the articles that read differently now.
    /// </summary>
    /// <param name="articleIds">The articles (ids that no longer exist are skipped).</param>
    /// <param name="what">What to derive again.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="touched">Articles that read differently whatever is derived (they name a renamed entity).</param>
    /// <param name="edit">The catalogue change; false refuses it and nothing is written (<see cref="WriteBatch.Stopped"/>).</param>
    public Task<WriteBatch> ReenrichAsync(IReadOnlyCollection<int> articleIds, Reenrichment what, CancellationToken ct, IReadOnlySet<int>? touched = null, Func<CancellationToken, Task<bool>>? edit = null) =>
        pipeline.RunAsync(WritePipelineSteps.Reenrich, () => new WriteBatch
        {
            Kind = WriteKind.Reenrich,
            ArticleIds = articleIds,
            What = what,
            Touched = touched ?? new HashSet<int>(),
            CatalogueEdit = edit,
        }, ct);

    /// <summary>
    /// Releases the articles among <paramref name="articleIds"/> whose embargo has passed
    /// (<see cref="WritePipelineSteps.Release"/>); returns how many it released (0 when another instance was first).
    /// </summary>
    public async Task<int> ReleaseAsync(IReadOnlyCollection<int> articleIds, CancellationToken ct)
    {
        var batch = await pipeline.RunAsync(WritePipelineSteps.Release, () => new WriteBatch { Kind = WriteKind.Release, ArticleIds = articleIds }, ct);
        return batch.Stopped ? 0 : batch.Written.Count;
    }

    /// <summary>
    /// The articles whose similar lists lost a link to a deleted article get them recomputed, so the lists
    /// refill with the next most similar articles instead of staying short until each is written again.
    /// In a transaction of its own: the similar step's advisory locks come before any row lock in every
    /// writer, and the delete has taken row locks by then (inside the delete's transaction, four parallel
    /// deletes deadlocked). Best effort: the delete is committed, so a failure here is logged, not answered.
    /// </summary>
    private async Task RefillSimilarAsync(List<int> articleIds, CancellationToken ct)
    {
        try
        {
            await ReenrichAsync(articleIds, Reenrichment.Similar, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(ex, "Recomputing the similar lists of {Count} articles after a delete failed; they stay short until rewritten", articleIds.Count);
        }
    }

    private static IEnumerable<List<ArticleRecord>> SplitAtRepeats(IReadOnlyList<ArticleRecord> records)
    {
        var run = new List<ArticleRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (!seen.Add(record.ExternalId!))
            {
                yield return run;
                run = [];
                seen = new HashSet<string>(StringComparer.Ordinal) { record.ExternalId! };
            }

            run.Add(record);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }
}
