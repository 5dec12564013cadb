namespace NewsMeta.Api.Data;

/// <summary>
/// Everything SQLite and PostgreSQL do differently, in one place: features ask the dialect of their
/// context (<see cref="NewsDbContext.Dialect"/>) instead of branching on the provider.
/// <para>
/// The one difference that shapes the rest: SQLite runs one write transaction at a time, so every lock
/// below is a no-op there; PostgreSQL runs writers side by side, and the locks make them take turns
/// where they touch the same keys, lists or rows, always in the same order so they cannot deadlock.
/// </para>
/// </summary>
public interface IDatabaseDialect
{
    /// <summary>Transaction-scoped locks on one-bigint keys (externalIds hashed), taken in key order.</summary>
    Task LockKeysAsync(NewsDbContext db, long[] keys, CancellationToken ct);

    /// <summary>Transaction-scoped locks on two-int keys (<paramref name="lockClass"/>, id), taken in id order.</summary>
    Task LockIdsAsync(NewsDbContext db, int lockClass, IEnumerable<int> ids, CancellationToken ct);

    /// <summary>One transaction-scoped lock on (<paramref name="lockClass"/>, 0), shared or exclusive.</summary>
    Task LockClassAsync(NewsDbContext db, int lockClass, bool exclusive, CancellationToken ct);

    /// <summary>Locks the entities and keywords of these articles rarer than <paramref name="cap"/> (similar-link turns).</summary>
    Task LockSharedNamesAsync(NewsDbContext db, int entityClass, int keywordClass, int[] articleIds, int cap, CancellationToken ct);

    /// <summary>Row locks on <paramref name="table"/>'s rows in id order, as the UPDATE about to follow would take them.</summary>
    Task LockRowsInOrderAsync(NewsDbContext db, string table, int[] ids, CancellationToken ct);

    /// <summary>
    /// <c>ArticleCount += delta</c> on <paramref name="table"/>'s rows (Sources, Keywords or Entities; a
    /// constant of the caller, never input): one statement whatever the number of rows and deltas.
    /// </summary>
    Task AddToArticleCountsAsync(NewsDbContext db, string table, int[] ids, int[] deltas, CancellationToken ct);

    /// <summary>
    /// Discovered entities met again: <c>Confidence = round(1 - (1 - Confidence) * doubtKept, 4)</c> on each row,
    /// one statement whatever the number of rows (the caller holds their row locks, taken in id order).
    /// </summary>
    Task RaiseConfidenceAsync(NewsDbContext db, int[] entityIds, double[] doubtKept, CancellationToken ct);

    /// <summary>Inserts rows of one mapped type without the change tracker (see <see cref="BulkInsert"/>).</summary>
    Task BulkInsertAsync<T>(NewsDbContext db, BulkInsert.Table table, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class;

    /// <summary>
    /// The similar-link candidates of a whole batch in one query (<see cref="SimilarCandidates"/>): what
    /// each of <see cref="SimilarCandidates.ArticleIds"/> shares with other articles, through entities and
    /// keywords named by at most <see cref="SimilarCandidates.RarityCap"/> articles. The pairs are scored
    /// and ranked in the database, and only the shares of each article's strongest pairs come back. Where
    /// the two differ: PostgreSQL takes at most <see cref="SimilarCandidates.PerName"/> candidates per name
    /// (the most recently stored, LATERAL); SQLite has no LATERAL join, so there every article naming it
    /// is a candidate, within the rarity cap (1% of the store). Same scores on small stores; on a large
    /// SQLite store a frequent name costs more rows per write.
    /// An embargoed article is no candidate (<see cref="Features.Articles.Article.ReleasedVersion"/>): it
    /// becomes one when it is released.
    /// </summary>
    Task<List<SimilarShare>> SimilarSharesAsync(NewsDbContext db, SimilarCandidates ask, CancellationToken ct);

    /// <summary>Replaces the response-cache generation row (one upsert that cannot fail); PostgreSQL also notifies listeners at commit.</summary>
    Task ReplaceGenerationAsync(NewsDbContext db, string name, string value, DateTime now, CancellationToken ct);

    /// <summary>
    /// The change feed's default settle window: PostgreSQL commits concurrent writers out of changedAt
    /// order, so the newest seconds are held back; SQLite commits one writer at a time, in order.
    /// </summary>
    double DefaultSettleSeconds { get; }

    /// <summary>Writers the group commit runs at once by default: 2 on PostgreSQL, 1 on SQLite (one writer anyway).</summary>
    int DefaultGroupWriters { get; }

    /// <summary>Once per store, before anything else (SQLite: write-ahead log so readers work beside the writer).</summary>
    Task PrepareStoreAsync(NewsDbContext db, CancellationToken ct);

    /// <summary>After a bulk import: refresh the planner's statistics (PostgreSQL also vacuums, so index-only scans skip the table at once); true when it did.</summary>
    Task<bool> RefreshStatisticsAsync(NewsDbContext db, CancellationToken ct);

    /// <summary>The full-text index of this database.</summary>
    Features.Search.SearchIndex SearchIndex(NewsDbContext db);
}

/// <summary>What <see cref="IDatabaseDialect.SimilarSharesAsync"/> is asked for.</summary>
/// <param name="ArticleIds">The articles whose candidates are wanted.</param>
/// <param name="RarityCap">Names on more articles than this are left out.</param>
/// <param name="PerName">PostgreSQL: candidates per name, the most recently stored.</param>
/// <param name="Keep">
/// Pairs kept per article: those scoring at least its <paramref name="Keep"/>-th best pair's score less
/// <paramref name="Margin"/> (all of them where it has fewer). The caller ranks the kept pairs exactly;
/// the margin covers its rounding of scores, so it sees every pair that can make its top list.
/// </param>
/// <param name="Margin">See <paramref name="Keep"/>.</param>
public sealed record SimilarCandidates(int[] ArticleIds, int RarityCap, int PerName, int Keep, double Margin);

/// <summary>Article <see cref="A"/> shares the entity (or keyword) <see cref="RefId"/> with article <see cref="B"/>; its rarity weight.</summary>
public sealed class SimilarShare
{
    public int A { get; init; }

    public int B { get; init; }

    public bool IsEntity { get; init; }

    public int RefId { get; init; }

    public double Weight { get; init; }
}
