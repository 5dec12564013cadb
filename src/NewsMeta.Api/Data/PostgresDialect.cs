using Microsoft.EntityFrameworkCore;

namespace NewsMeta.Api.Data;

/// <summary>PostgreSQL: concurrent writers take turns through advisory and row locks; unnest bulk inserts; capped candidates.</summary>
public sealed class PostgresDialect : IDatabaseDialect
{
    public static readonly PostgresDialect Instance = new();

    public double DefaultSettleSeconds => 5;

    public int DefaultGroupWriters => 2;

    public async Task LockKeysAsync(NewsDbContext db, long[] keys, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT unnest({keys}) AS k ORDER BY k) AS keys", ct);

    public async Task LockIdsAsync(NewsDbContext db, int lockClass, IEnumerable<int> ids, CancellationToken ct)
    {
        var keys = ids.Distinct().Order().ToArray();
        await db.Database.ExecuteSqlAsync(
            $"SELECT count(pg_advisory_xact_lock({lockClass}, id)) FROM (SELECT unnest({keys}) AS id ORDER BY id) AS ids", ct);
    }

    public async Task LockClassAsync(NewsDbContext db, int lockClass, bool exclusive, CancellationToken ct) =>
        await (exclusive
            ? db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockClass}, 0)", ct)
            : db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared({lockClass}, 0)", ct));

    public async Task LockSharedNamesAsync(NewsDbContext db, int entityClass, int keywordClass, int[] articleIds, int cap, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"""
            SELECT count(pg_advisory_xact_lock(keys.class, keys.id)) FROM (
                SELECT {entityClass} AS class, x."EntityId" AS id FROM "ArticleEntities" x JOIN "Entities" e ON e."Id" = x."EntityId"
                WHERE x."ArticleId" = ANY({articleIds}) AND e."ArticleCount" <= {cap}
                UNION
                SELECT {keywordClass}, x."KeywordId" FROM "ArticleKeywords" x JOIN "Keywords" k ON k."Id" = x."KeywordId"
                WHERE x."ArticleId" = ANY({articleIds}) AND k."ArticleCount" <= {cap}
                ORDER BY 1, 2) AS keys
            """, ct);

    public async Task LockRowsInOrderAsync(NewsDbContext db, string table, int[] ids, CancellationToken ct)
    {
        // NO KEY UPDATE is the lock the UPDATE itself takes: FOR UPDATE would also wait for the KEY SHARE
        // locks that every concurrent writer's foreign-key checks hold on the same rows (its articles
        // reference the same publisher), and two such writers wait for each other.
        // The table name is a constant of the caller, never input; the ids are a parameter.
        var lockInOrder = "SELECT count(*) FROM (SELECT 1 FROM \"" + table + "\" WHERE \"Id\" = ANY({0}) ORDER BY \"Id\" FOR NO KEY UPDATE) AS locked";
        await db.Database.ExecuteSqlRawAsync(lockInOrder, [ids], ct);
    }

    public async Task AddToArticleCountsAsync(NewsDbContext db, string table, int[] ids, int[] deltas, CancellationToken ct)
    {
        var update = "UPDATE \"" + table + "\" AS t SET \"ArticleCount\" = t.\"ArticleCount\" + d.delta FROM unnest({0}, {1}) AS d(id, delta) WHERE t.\"Id\" = d.id";
        await db.Database.ExecuteSqlRawAsync(update, [ids, deltas], ct);
    }

    public async Task RaiseConfidenceAsync(NewsDbContext db, int[] entityIds, double[] doubtKept, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "Entities" AS t SET "Confidence" = round((1 - (1 - coalesce(t."Confidence", 0)) * d.keep)::numeric, 4)::float8
            FROM unnest({entityIds}, {doubtKept}) AS d(id, keep) WHERE t."Id" = d.id
            """, ct);

    public Task BulkInsertAsync<T>(NewsDbContext db, BulkInsert.Table table, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class => BulkInsert.InsertWithUnnestAsync(db, table, rows, ct);

    // A LATERAL join reads PerName index entries per name, most recently stored first. The pairs are scored
    // and ranked on (a, b, score) alone, and only the kept pairs' shares come back, one row each: ranking rows
    // that carried their shares as arrays made PostgreSQL plan the grouping of a 500-article import batch's
    // 450,000 pairs as a spill to disk and sort 40 MB more. The shares are materialised, read once. The
    // publisher's links are materialised too: inlined, the planner walked the links of every article for
    // each pair. The publisher's targets and embargoed articles are left out per pair, each as one hashed set
    // (the unreleased ids read through the ReleasedVersion index): as an anti-join the planner sorted all
    // the pairs, and an EXISTS probe per pair cost a third of the statement. The rarity counts are read by
    // primary key for the batch's own names (the LIMIT 1 keeps the lateral from becoming a join): joined, a
    // group of a dozen writes hashed all 11,000 entities and 6,000 keywords to read about a hundred counts.
    public async Task<List<SimilarShare>> SimilarSharesAsync(NewsDbContext db, SimilarCandidates ask, CancellationToken ct)
    {
        if (ask.ArticleIds.Length > BatchForMoreMemory)
        {
            // Lasts until the write's transaction ends: the default 4 MB sorted a 500-article batch's pairs on disk.
            await db.Database.ExecuteSqlRawAsync("SET LOCAL work_mem = '64MB'", ct);
        }

        return await db.Database.SqlQuery<SimilarShare>($"""
            WITH entity_uses AS (
                SELECT x."ArticleId" AS a, x."EntityId" AS ref, 1.0::float8 / (1 + e.n) AS w
                FROM "ArticleEntities" x CROSS JOIN LATERAL (
                    SELECT e."ArticleCount" AS n FROM "Entities" e WHERE e."Id" = x."EntityId" LIMIT 1) e
                WHERE x."ArticleId" = ANY({ask.ArticleIds}) AND e.n <= {ask.RarityCap}),
            keyword_uses AS (
                SELECT x."ArticleId" AS a, x."KeywordId" AS ref, 1.0::float8 / (1 + k.n) AS w
                FROM "ArticleKeywords" x CROSS JOIN LATERAL (
                    SELECT k."ArticleCount" AS n FROM "Keywords" k WHERE k."Id" = x."KeywordId" LIMIT 1) k
                WHERE x."ArticleId" = ANY({ask.ArticleIds}) AND k.n <= {ask.RarityCap}),
            publisher AS MATERIALIZED (
                SELECT l."ArticleId" AS a, l."TargetArticleId" AS b FROM "ArticleLinks" l
                WHERE l."ArticleId" = ANY({ask.ArticleIds}) AND l."Origin" = 'Publisher' AND l."TargetArticleId" IS NOT NULL),
            shares AS MATERIALIZED (
                SELECT u.a, c.b, TRUE AS is_entity, u.ref, u.w FROM entity_uses u CROSS JOIN LATERAL (
                    SELECT y."ArticleId" AS b FROM "ArticleEntities" y WHERE y."EntityId" = u.ref AND y."ArticleId" <> u.a
                    ORDER BY y."ArticleId" DESC LIMIT {ask.PerName}) c
                UNION ALL
                SELECT u.a, c.b, FALSE, u.ref, u.w FROM keyword_uses u CROSS JOIN LATERAL (
                    SELECT y."ArticleId" AS b FROM "ArticleKeywords" y WHERE y."KeywordId" = u.ref AND y."ArticleId" <> u.a
                    ORDER BY y."ArticleId" DESC LIMIT {ask.PerName}) c),
            pairs AS (
                SELECT s.a, s.b, sum(s.w) AS score FROM shares s GROUP BY s.a, s.b),
            ranked AS (
                SELECT p.a, p.b, p.score, nth_value(p.score, {ask.Keep}) OVER (PARTITION BY p.a ORDER BY p.score DESC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS last
                FROM pairs p WHERE (p.a, p.b) NOT IN (SELECT x.a, x.b FROM publisher x)
                    AND p.b NOT IN (SELECT t."Id" FROM "Articles" t WHERE t."ReleasedVersion" IS NULL)),
            kept AS (
                SELECT r.a, r.b FROM ranked r WHERE r.last IS NULL OR r.score >= r.last - {ask.Margin})
            SELECT s.a AS "A", s.b AS "B", s.is_entity AS "IsEntity", s.ref AS "RefId", s.w AS "Weight"
            FROM shares s JOIN kept k ON k.a = s.a AND k.b = s.b
            """).ToListAsync(ct);
    }

    /// <summary>Batches of more articles than this rank their pairs with more working memory.</summary>
    private const int BatchForMoreMemory = 64;

    // The notification travels in the same round trip (Npgsql sends both statements as one batch) and is
    // delivered at commit.
    public async Task ReplaceGenerationAsync(NewsDbContext db, string name, string value, DateTime now, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "JobStates" ("Name", "Value", "UpdatedAt") VALUES ({name}, {value}, {now})
            ON CONFLICT ("Name") DO UPDATE SET "Value" = excluded."Value", "UpdatedAt" = excluded."UpdatedAt";
            SELECT pg_notify({Common.Caching.PostgresDataGeneration.Channel}, {value});
            """, ct);

    public Task PrepareStoreAsync(NewsDbContext db, CancellationToken ct) => Task.CompletedTask;

    /// <remarks>
    /// Without fresh statistics, a search right after importing planned a scan of every tsvector
    /// (150-300 ms at 20,000 articles) where the GIN index takes 20-40 ms. Without the vacuum, the reads'
    /// index-only scans visit the table for every row until autovacuum has marked the imported pages
    /// all-visible, and autovacuum then works through the whole import while the first requests come in: at
    /// 200,000 articles, reads right after the import ran at 70-80 % of their rate after a vacuum. VACUUM
    /// cannot run in a transaction (each statement here is its own), and on a large store takes longer than a
    /// statement's default timeout.
    /// </remarks>
    public async Task<bool> RefreshStatisticsAsync(NewsDbContext db, CancellationToken ct)
    {
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        try
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)", ct);
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }

        return true;
    }

    public Features.Search.SearchIndex SearchIndex(NewsDbContext db) => new Features.Search.PostgresSearchIndex(db);
}
