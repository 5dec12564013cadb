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

    /// <summary>Inserts rows of one mapped type without the change tracker (see <see cref="BulkInsert"/>).</summary>
    Task BulkInsertAsync<T>(NewsDbContext db, BulkInsert.Table table, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class;

    /// <summary>
    /// The similar-link candidates of each name use: other articles naming the same entity. PostgreSQL
    /// reads at most <paramref name="perName"/> (the most recent) per name; SQLite has no LATERAL join
    /// (EF would need APPLY), so there every article naming it is a candidate, within the rarity cap
    /// the caller applies to <paramref name="uses"/> (1% of the store). Same scores on small stores;
    /// on a large SQLite store a frequent name costs more rows per write.
    /// An embargoed article is no candidate (<see cref="Features.Articles.Article.ReleasedVersion"/>): it
    /// becomes one when it is released.
    /// </summary>
    IQueryable<SharedName> EntityShares(NewsDbContext db, IQueryable<NameUse> uses, int perName);

    /// <summary>As <see cref="EntityShares"/>, for keywords.</summary>
    IQueryable<SharedName> KeywordShares(NewsDbContext db, IQueryable<NameUse> uses, int perName);

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

    /// <summary>After a bulk import: refresh the planner's statistics where there are any; true when it did.</summary>
    Task<bool> RefreshStatisticsAsync(NewsDbContext db, CancellationToken ct);

    /// <summary>The full-text index of this database.</summary>
    Features.Search.SearchIndex SearchIndex(NewsDbContext db);
}

/// <summary>An article naming an entity or keyword (<see cref="RefId"/>), with that name's rarity weight.</summary>
public sealed class NameUse
{
    public int ArticleId { get; init; }

    public int RefId { get; init; }

    public double Weight { get; init; }
}

/// <summary>Article <see cref="A"/> shares the name <see cref="RefId"/> with article <see cref="B"/>.</summary>
public sealed class SharedName
{
    public int A { get; init; }

    public int B { get; init; }

    public int RefId { get; init; }

    public double Weight { get; init; }
}
