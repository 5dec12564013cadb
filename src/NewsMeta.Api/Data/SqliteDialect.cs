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

    // The pairs travel as one JSON parameter: a parameter per value would make the statement's text,
    // and so EF's and SQLite's statement caches, differ with every batch size.
    public async Task AddToArticleCountsAsync(NewsDbContext db, string table, int[] ids, int[] deltas, CancellationToken ct)
    {
        var update = "UPDATE \"" + table + "\" SET \"ArticleCount\" = \"ArticleCount\" + d.delta FROM "
            + "(SELECT json_extract(value, '$[0]') AS id, json_extract(value, '$[1]') AS delta FROM json_each({0})) AS d WHERE \"" + table + "\".\"Id\" = d.id";
        var pairs = System.Text.Json.JsonSerializer.Serialize(ids.Zip(deltas, (id, delta) => new[] { id, delta }));
        await db.Database.ExecuteSqlRawAsync(update, [pairs], ct);
    }

    public Task BulkInsertAsync<T>(NewsDbContext db, BulkInsert.Table table, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class => BulkInsert.InsertWithValuesAsync(db, table, rows, ct);

    public IQueryable<SharedName> EntityShares(NewsDbContext db, IQueryable<NameUse> uses, int perName) =>
        uses.Join(db.ArticleEntities, a => a.RefId, b => b.EntityId, (a, b) => new SharedName { A = a.ArticleId, B = b.ArticleId, RefId = a.RefId, Weight = a.Weight })
            .Where(p => p.A != p.B);

    public IQueryable<SharedName> KeywordShares(NewsDbContext db, IQueryable<NameUse> uses, int perName) =>
        uses.Join(db.ArticleKeywords, a => a.RefId, b => b.KeywordId, (a, b) => new SharedName { A = a.ArticleId, B = b.ArticleId, RefId = a.RefId, Weight = a.Weight })
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
