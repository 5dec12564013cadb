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

    public async Task RaiseConfidenceAsync(NewsDbContext db, int[] entityIds, double[] doubtKept, CancellationToken ct)
    {
        const string update = "UPDATE \"Entities\" SET \"Confidence\" = round(1 - (1 - coalesce(\"Confidence\", 0)) * d.keep, 4) FROM "
            + "(SELECT json_extract(value, '$[0]') AS id, json_extract(value, '$[1]') AS keep FROM json_each({0})) AS d WHERE \"Entities\".\"Id\" = d.id";
        var pairs = System.Text.Json.JsonSerializer.Serialize(entityIds.Zip(doubtKept, (id, keep) => new object[] { id, keep }));
        await db.Database.ExecuteSqlRawAsync(update, [pairs], ct);
    }

    public Task BulkInsertAsync<T>(NewsDbContext db, BulkInsert.Table table, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class => BulkInsert.InsertWithValuesAsync(db, table, rows, ct);

    // The ids travel as one JSON parameter; the shares are read twice (ranked, then returned). SQLite's
    // planner needs the shapes below: the publisher's targets and the kept pairs are small sets looked up by
    // (a, b), never joined or probed through ArticleLinks pair by pair. On a 500-article batch in a 13k store
    // a nested-loop join of the kept pairs with the shares took about two minutes and a row-value NOT IN 12 s;
    // so written, the statement takes under a second.
    public Task<List<SimilarShare>> SimilarSharesAsync(NewsDbContext db, SimilarCandidates ask, CancellationToken ct)
    {
        var ids = System.Text.Json.JsonSerializer.Serialize(ask.ArticleIds);
        return db.Database.SqlQuery<SimilarShare>($"""
            WITH batch AS (SELECT value AS id FROM json_each({ids})),
            shares AS MATERIALIZED (
                SELECT x."ArticleId" AS a, y."ArticleId" AS b, 1 AS is_entity, x."EntityId" AS ref, 1.0 / (1 + e."ArticleCount") AS w
                FROM "ArticleEntities" x JOIN "Entities" e ON e."Id" = x."EntityId" JOIN "ArticleEntities" y ON y."EntityId" = x."EntityId"
                WHERE x."ArticleId" IN (SELECT id FROM batch) AND e."ArticleCount" <= {ask.RarityCap} AND y."ArticleId" <> x."ArticleId"
                UNION ALL
                SELECT x."ArticleId", y."ArticleId", 0, x."KeywordId", 1.0 / (1 + k."ArticleCount")
                FROM "ArticleKeywords" x JOIN "Keywords" k ON k."Id" = x."KeywordId" JOIN "ArticleKeywords" y ON y."KeywordId" = x."KeywordId"
                WHERE x."ArticleId" IN (SELECT id FROM batch) AND k."ArticleCount" <= {ask.RarityCap} AND y."ArticleId" <> x."ArticleId"),
            publisher AS MATERIALIZED (
                SELECT l."ArticleId" AS a, l."TargetArticleId" AS b FROM "ArticleLinks" l
                WHERE l."ArticleId" IN (SELECT id FROM batch) AND l."Origin" = 'Publisher' AND l."TargetArticleId" IS NOT NULL),
            pairs AS (
                SELECT s.a, s.b, sum(s.w) AS score FROM shares s GROUP BY s.a, s.b),
            eligible AS (
                SELECT p.a, p.b, p.score FROM pairs p
                WHERE NOT EXISTS (SELECT 1 FROM publisher x WHERE x.a = p.a AND x.b = p.b)
                    AND p.b NOT IN (SELECT t."Id" FROM "Articles" t WHERE t."ReleasedVersion" IS NULL)),
            ranked AS (
                SELECT e.a, e.b, e.score, nth_value(e.score, {ask.Keep}) OVER (PARTITION BY e.a ORDER BY e.score DESC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last
                FROM eligible e),
            kept AS MATERIALIZED (
                SELECT r.a, r.b FROM ranked r WHERE r.last IS NULL OR r.score >= r.last - {ask.Margin})
            SELECT s.a AS "A", s.b AS "B", s.is_entity AS "IsEntity", s.ref AS "RefId", s.w AS "Weight"
            FROM shares s WHERE (s.a, s.b) IN (SELECT k.a, k.b FROM kept k)
            """).ToListAsync(ct);
    }

    public async Task ReplaceGenerationAsync(NewsDbContext db, string name, string value, DateTime now, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync(Common.Jobs.JobStateRows.Replace(name, value, now), ct);

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
