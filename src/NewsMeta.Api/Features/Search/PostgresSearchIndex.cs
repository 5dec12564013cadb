using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Search;

/// <summary>
/// Table "ArticleSearch"("ArticleId", "Document" tsvector) with a GIN index. The analysed text goes
/// through the 'simple' configuration (our own analyser already did the Arabic work); the title is
/// weight A, summary and body weight B; ranked with ts_rank. Document frequencies are counted over the
/// <see cref="StatisticsWindow"/> most recently indexed articles with ts_stat: counting over the whole
/// store would read every document, and for news the recent store is the fairer measure of what is
/// common anyway.
/// </summary>
public sealed class PostgresSearchIndex(NewsDbContext db) : SearchIndex(db)
{
    public const int StatisticsWindow = 5000;

    /// <summary>Unfiltered searches rank at most this many of the newest matches (see <see cref="RankedHits"/>).</summary>
    public const int RankWindow = 1000;

    private const string WindowQuery = "SELECT \"Document\" FROM \"ArticleSearch\" ORDER BY \"ArticleId\" DESC LIMIT 5000";

    public override Task RemoveAsync(int articleId, CancellationToken ct) =>
        Db.Database.ExecuteSqlAsync($"DELETE FROM \"ArticleSearch\" WHERE \"ArticleId\" = {articleId}", ct);

    public override IQueryable<SearchHit> Hits(SearchQuery query) =>
        Db.Database.SqlQuery<SearchHit>(
            $"SELECT s.\"ArticleId\", ts_rank(s.\"Document\", q)::float8 AS \"Score\" FROM \"ArticleSearch\" s, to_tsquery('simple', {TsQuery(query)}) q WHERE s.\"Document\" @@ q");

    /// <summary>
    /// Ranks only the <see cref="RankWindow"/> most recently stored matches (more when a deeper page needs
    /// them). ts_rank reads each match's whole tsvector (the body's, out of line): at 200,000 articles a
    /// term in 10% of them took 180 ms to rank on an idle machine, and S4 fell to 1 request/s; the window
    /// takes 32 ms. Matches outside the window are never ranked. For news, the newest matches are the ones
    /// worth ranking.
    /// </summary>
    public override IQueryable<SearchHit> RankedHits(SearchQuery query, int atLeast)
    {
        var tsquery = TsQuery(query);
        var window = Math.Max(RankWindow, atLeast);
        // OFFSET 0 keeps the matching subquery apart: planned alone it is a GIN bitmap scan, never a walk
        // down the primary key testing every tsvector. A leading WITH would not be composable by EF.
        return Db.Database.SqlQuery<SearchHit>($"""
            SELECT s."ArticleId", ts_rank(s."Document", to_tsquery('simple', {tsquery}))::float8 AS "Score"
            FROM (SELECT m."ArticleId" FROM (SELECT "ArticleId" FROM "ArticleSearch" WHERE "Document" @@ to_tsquery('simple', {tsquery}) OFFSET 0) AS m
                  ORDER BY m."ArticleId" DESC LIMIT {window}) AS newest
            JOIN "ArticleSearch" s ON s."ArticleId" = newest."ArticleId"
            """);
    }

    // Stems are letters and digits only; quoting each keeps tsquery syntax out of them. <-> makes phrases.
    private static string TsQuery(SearchQuery query) =>
        string.Join(" | ", query.Branches.Select(b => "(" + string.Join(" & ", b.Select(c => "(" + string.Join(" <-> ", c.Select(s => $"'{s}'")) + ")")) + ")"));

    // One array per column (unnest): the statement's text is the same for any number of rows, so it is
    // prepared once, and its parameters are three whatever the batch.
    protected override async Task UpsertAsync(IReadOnlyList<(int ArticleId, string Title, string Body)> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.ArticleId).ToArray();
        var titles = rows.Select(r => r.Title).ToArray();
        var bodies = rows.Select(r => r.Body).ToArray();
        await Db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ArticleSearch" ("ArticleId", "Document")
            SELECT d.id, setweight(to_tsvector('simple', d.title), 'A') || setweight(to_tsvector('simple', d.body), 'B')
            FROM unnest({ids}, {titles}, {bodies}) AS d(id, title, body)
            ON CONFLICT ("ArticleId") DO UPDATE SET "Document" = EXCLUDED."Document"
            """, ct);
    }

    protected override Task<List<int>> IndexedIdsAsync(CancellationToken ct) =>
        Db.Database.SqlQuery<int>($"SELECT \"ArticleId\" AS \"Value\" FROM \"ArticleSearch\"").ToListAsync(ct);

    protected override async Task<int> DocumentCountAsync(CancellationToken ct) =>
        Math.Min(StatisticsWindow, await Db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM \"ArticleSearch\"").SingleAsync(ct));

    protected override Task<List<TermCount>> DocumentFrequenciesAsync(string[] stems, CancellationToken ct) =>
        Db.Database.SqlQuery<TermCount>($$"""
            SELECT word AS "Term", ndoc AS "Documents"
            FROM ts_stat({{WindowQuery}})
            WHERE word = ANY({{stems}})
            """).ToListAsync(ct);
}
