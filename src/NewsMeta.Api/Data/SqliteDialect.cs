using Microsoft.EntityFrameworkCore;

namespace NewsMeta.Api.Data;

/// <summary>SQLite: one writer at a time, so no locks; multi-row VALUES; every candidate per name.</summary>
public sealed class SqliteDialect : IDatabaseDialect
{
    public static readonly SqliteDialect Instance = new();

    public double DefaultSettleSeconds => 0;

    public int DefaultGroupWriters => 1;

    public Task LockKeysAsync(NewsDbContext db, long[] keys, CancellationToken ct) => Task.CompletedTask;

    public Task LockIdsAsync(NewsDbContext db, int lockClass, IEnumerable<int> ids, CancellationToken ct) => Task.CompletedTask;

    public Task LockClassAsync(NewsDbContext db, int lockClass, bool exclusive, CancellationToken ct) => Task.CompletedTask;

    public Task LockSharedNamesAsync(NewsDbContext db, int entityClass, int keywordClass, int[] articleIds, int cap, CancellationToken ct) => Task.CompletedTask;

    public Task LockRowsInOrderAsync(NewsDbContext db, string table, int[] ids, CancellationToken ct) => Task.CompletedTask;

    public Task BulkInsertAsync<T>(NewsDbContext db, BulkInsert.Table table, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class => BulkInsert.InsertWithValuesAsync(db, table, rows, ct);

    public IQueryable<SharedName> EntityShares(NewsDbContext db, IQueryable<NameUse> uses, int perName) =>
        uses.Join(db.ArticleEntities.Where(b => b.Article.ReleasedVersion != null), a => a.RefId, b => b.EntityId, (a, b) => new SharedName { A = a.ArticleId, B = b.ArticleId, RefId = a.RefId, Weight = a.Weight })
            .Where(p => p.A != p.B);

    public IQueryable<SharedName> KeywordShares(NewsDbContext db, IQueryable<NameUse> uses, int perName) =>
        uses.Join(db.ArticleKeywords.Where(b => b.Article.ReleasedVersion != null), a => a.RefId, b => b.KeywordId, (a, b) => new SharedName { A = a.ArticleId, B = b.ArticleId, RefId = a.RefId, Weight = a.Weight })
            .Where(p => p.A != p.B);

    public async Task ReplaceGenerationAsync(NewsDbContext db, string name, string value, DateTime now, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "JobStates" ("Name", "Value", "UpdatedAt") VALUES ({name}, {value}, {now})
            ON CONFLICT ("Name") DO UPDATE SET "Value" = excluded."Value", "UpdatedAt" = excluded."UpdatedAt"
            """, ct);

    public async Task PrepareStoreAsync(NewsDbContext db, CancellationToken ct)
    {
        // WAL lets readers work while one writer writes; it is a property of the file, so set once.
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await db.Database.CloseConnectionAsync();
    }

    public Task<bool> RefreshStatisticsAsync(NewsDbContext db, CancellationToken ct) => Task.FromResult(false);

    public Features.Search.SearchIndex SearchIndex(NewsDbContext db) => new Features.Search.SqliteSearchIndex(db);
}
