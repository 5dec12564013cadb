using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles;

/// <summary>
/// The article counts of sources, keywords and entities a write changes, kept as deltas and applied as
/// <c>ArticleCount = ArticleCount + d</c> (one statement per table, see <see cref="IDatabaseDialect.AddToArticleCountsAsync"/>) instead
/// of recounting: a recount of a busy entity reads thousands of rows per write. The writer applies them
/// last in its transaction, so the rows every writer shares (a publisher, a frequent name) stay locked
/// for the commit only, not through enrichment.
/// </summary>
internal sealed class CatalogCountDeltas
{
    private readonly Dictionary<int, int> _sources = [];
    private readonly Dictionary<int, int> _keywords = [];
    private readonly Dictionary<int, int> _entities = [];

    // Per discovered entity met again, the product of (1 - confidence / 2) over the articles that met it.
    private readonly Dictionary<int, double> _doubtKept = [];

    /// <summary>An article as it was before the write (or a deleted one): it no longer counts for these.</summary>
    public void Remove(int sourceId, IEnumerable<int> keywordIds, IEnumerable<int> entityIds) => Change(-1, sourceId, keywordIds, entityIds);

    /// <summary>An article as written: it counts for these (each id once per article).</summary>
    public void Add(int sourceId, IEnumerable<int> keywordIds, IEnumerable<int> entityIds) => Change(+1, sourceId, keywordIds, entityIds);

    /// <summary>
    /// A stored discovered entity found again with <paramref name="confidence"/>: its own confidence rises
    /// (applied with the counts, under the same ordered row locks, never mid-transaction: two writers raising
    /// the same entities in different orders deadlocked).
    /// </summary>
    public void RaiseConfidence(int entityId, double confidence) =>
        _doubtKept[entityId] = _doubtKept.GetValueOrDefault(entityId, 1.0) * (1 - (confidence / 2));

    public async Task ApplyAsync(NewsDbContext db, CancellationToken ct)
    {
        // Tables in one fixed order, and on PostgreSQL each table's rows locked in id order first: an UPDATE
        // locks rows in whatever order its plan meets them (physical order changes as rows are updated), and
        // two writers meeting the same rows in opposite orders deadlock. SQLite has one writer at a time.
        await ApplyAsync(db, "Sources", _sources, ct);
        await ApplyAsync(db, "Keywords", _keywords, ct);
        await ApplyAsync(db, "Entities", _entities, ct, _doubtKept);
    }

    /// <summary>At most three statements per table whatever the batch's size: the row locks, then every change at once.</summary>
    private static async Task ApplyAsync(NewsDbContext db, string table, Dictionary<int, int> counts, CancellationToken ct, Dictionary<int, double>? doubtKept = null)
    {
        var changed = counts.Where(c => c.Value != 0).OrderBy(c => c.Key).ToArray();
        var raised = (doubtKept ?? []).OrderBy(c => c.Key).ToArray();
        if (changed.Length == 0 && raised.Length == 0)
        {
            return;
        }

        var ids = changed.Select(c => c.Key).Union(raised.Select(c => c.Key)).Order().ToArray();
        await db.Dialect.LockRowsInOrderAsync(db, table, ids, ct);
        if (changed.Length > 0)
        {
            await db.Dialect.AddToArticleCountsAsync(db, table, changed.Select(c => c.Key).ToArray(), changed.Select(c => c.Value).ToArray(), ct);
        }

        if (raised.Length > 0)
        {
            await db.Dialect.RaiseConfidenceAsync(db, raised.Select(c => c.Key).ToArray(), raised.Select(c => c.Value).ToArray(), ct);
        }
    }

    private void Change(int by, int sourceId, IEnumerable<int> keywordIds, IEnumerable<int> entityIds)
    {
        Bump(_sources, sourceId, by);
        foreach (var id in keywordIds.Distinct())
        {
            Bump(_keywords, id, by);
        }

        foreach (var id in entityIds.Distinct())
        {
            Bump(_entities, id, by);
        }
    }

    private static void Bump(Dictionary<int, int> counts, int id, int by) => counts[id] = counts.GetValueOrDefault(id) + by;
}
