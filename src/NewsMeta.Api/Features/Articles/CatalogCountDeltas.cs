using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles;

/// <summary>
/// The article counts of sources, keywords and entities a write changes, kept as deltas and applied as
/// <c>ArticleCount = ArticleCount + d</c> (one statement per table and distinct delta, usually one) instead
/// of recounting: a recount of a busy entity reads thousands of rows per write. The writer applies them
/// last in its transaction, so the rows every writer shares (a publisher, a frequent name) stay locked
/// for the commit only, not through enrichment.
/// </summary>
internal sealed class CatalogCountDeltas
{
    private readonly Dictionary<int, int> _sources = [];
    private readonly Dictionary<int, int> _keywords = [];
    private readonly Dictionary<int, int> _entities = [];

    /// <summary>An article as it was before the write (or a deleted one): it no longer counts for these.</summary>
    public void Remove(int sourceId, IEnumerable<int> keywordIds, IEnumerable<int> entityIds) => Change(-1, sourceId, keywordIds, entityIds);

    /// <summary>An article as written: it counts for these (each id once per article).</summary>
    public void Add(int sourceId, IEnumerable<int> keywordIds, IEnumerable<int> entityIds) => Change(+1, sourceId, keywordIds, entityIds);

    public async Task ApplyAsync(NewsDbContext db, CancellationToken ct)
    {
        // Tables in one fixed order, and on PostgreSQL each table's rows locked in id order first: an UPDATE
        // locks rows in whatever order its plan meets them (physical order changes as rows are updated), and
        // two writers meeting the same rows in opposite orders deadlock. SQLite has one writer at a time.
        await ApplyAsync(db, "Sources", _sources, (ids, delta) =>
            db.Sources.Where(s => ids.Contains(s.Id)).ExecuteUpdateAsync(set => set.SetProperty(s => s.ArticleCount, s => s.ArticleCount + delta), ct), ct);
        await ApplyAsync(db, "Keywords", _keywords, (ids, delta) =>
            db.Keywords.Where(k => ids.Contains(k.Id)).ExecuteUpdateAsync(set => set.SetProperty(k => k.ArticleCount, k => k.ArticleCount + delta), ct), ct);
        await ApplyAsync(db, "Entities", _entities, (ids, delta) =>
            db.Entities.Where(e => ids.Contains(e.Id)).ExecuteUpdateAsync(set => set.SetProperty(e => e.ArticleCount, e => e.ArticleCount + delta), ct), ct);
    }

    private static async Task ApplyAsync(NewsDbContext db, string table, Dictionary<int, int> counts, Func<List<int>, int, Task<int>> update, CancellationToken ct)
    {
        var changed = counts.Where(c => c.Value != 0).Select(c => c.Key).Order().ToArray();
        if (changed.Length == 0)
        {
            return;
        }

        await db.Dialect.LockRowsInOrderAsync(db, table, changed, ct);

        foreach (var (delta, ids) in ByDelta(counts))
        {
            await update(ids, delta);
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

    /// <summary>Ids grouped by their non-zero delta.</summary>
    private static IEnumerable<(int Delta, List<int> Ids)> ByDelta(Dictionary<int, int> counts) =>
        counts.Where(c => c.Value != 0).GroupBy(c => c.Value).OrderBy(g => g.Key)
            .Select(g => (g.Key, g.Select(c => c.Key).Order().ToList()));
}
