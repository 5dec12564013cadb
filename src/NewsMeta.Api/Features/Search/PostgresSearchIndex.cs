using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Search;

/// <summary>
/// Table "ArticleSearch"("ArticleId", "Document" tsvector, "Rank" tsvector) with a GIN index on
/// "Document". The analysed text goes through the 'simple' configuration (our own analyser already did
/// the Arabic work). "Document" (title weight A, summary and body weight B) decides what matches;
/// "Rank" (title A, the lead B: <see cref="SearchIndex.Lead"/>) is what ts_rank scores: small enough to
/// stay in the row, where the whole document is stored out of line and ts_rank had to fetch and
/// decompress it for every match ranked (most of a search's time). A match deeper in the body scores 0
/// and so comes after the matches in title or lead, newest first. A row indexed before "Rank" existed is
/// scored on its document until start-up indexes it again (<see cref="IndexedIdsAsync"/>). Document frequencies are counted over the <see cref="StatisticsWindow"/> most
/// recently indexed articles with ts_stat: counting over the whole store would read every document, and
/// for news the recent store is the fairer measure of what is common anyway.
/// </summary>
public sealed class PostgresSearchIndex(NewsDbContext db) : SearchIndex(db)
{
    public const int StatisticsWindow = 5000;

    /// <summary>
    /// Unfiltered searches rank at most this many of the newest matches (see <see cref="RankedHits"/>).
    /// Each ranked match costs a lookup of its article (visibility, the newest-first tie-break): at 1,000,
    /// on 20,000 articles, the planner joined them by a scan of the whole article table instead, and a
    /// search took twice as long as at 500.
    /// </summary>
    public const int RankWindow = 500;

    private const string WindowQuery = "SELECT \"Document\" FROM \"ArticleSearch\" ORDER BY \"ArticleId\" DESC LIMIT 5000";

    public override Task RemoveAsync(int articleId, CancellationToken ct) =>
        Db.Database.ExecuteSqlAsync($"""
            DELETE FROM "ArticleSearch" WHERE "ArticleId" = {articleId};
            DELETE FROM "ArticleSearchTerms" WHERE "ArticleId" = {articleId};
            """, ct);

    public override IQueryable<SearchHit> Hits(SearchQuery query) =>
        Db.Database.SqlQuery<SearchHit>(
            $"SELECT s.\"ArticleId\", ts_rank(coalesce(s.\"Rank\", s.\"Document\"), q)::float8 AS \"Score\" FROM \"ArticleSearch\" s, to_tsquery('simple', {TsQuery(query)}) q WHERE s.\"Document\" @@ q");

    /// <summary>
    /// Ranks only the <see cref="RankWindow"/> most recently stored matches (more when a deeper page needs
    /// them): at 200,000 articles a term in 10% of them is 20,000 matches, and ranking every one of them
    /// served about one search a second. Matches outside the window are never ranked. For news, the newest matches are
    /// the ones worth ranking.
    /// </summary>
    public override IQueryable<SearchHit> RankedHits(SearchQuery query, int atLeast)
    {
        var tsquery = TsQuery(query);
        var window = Math.Max(RankWindow, atLeast);
        // OFFSET 0 keeps the matching subquery apart: planned alone it is a GIN bitmap scan, never a walk
        // down the primary key testing every tsvector. A leading WITH would not be composable by EF. The
        // ranking vector is read in that same scan (it is in the row), not by joining the table again.
        return Db.Database.SqlQuery<SearchHit>($"""
            SELECT newest."ArticleId", ts_rank(newest."Rank", to_tsquery('simple', {tsquery}))::float8 AS "Score"
            FROM (SELECT m."ArticleId", m."Rank"
                  FROM (SELECT "ArticleId", coalesce("Rank", "Document") AS "Rank" FROM "ArticleSearch" WHERE "Document" @@ to_tsquery('simple', {tsquery}) OFFSET 0) AS m
                  ORDER BY m."ArticleId" DESC LIMIT {window}) AS newest
            """);
    }

    /// <summary>
    /// From the ranking index "ArticleSearchTerms" (one row per word of an article's title and lead, with the
    /// ts_rank a query for that word alone gives it, and the article's publishedAt): its rows for the stem are
    /// already in rank order, so the first <paramref name="count"/> are a walk down one index, whatever the
    /// number of matches. Matches deeper in the body score 0 and follow, newest first: they are read only
    /// when the ranked rows run out before <paramref name="count"/> (PostgreSQL runs the arms of a UNION ALL
    /// in order, and the LIMIT stops it as soon as it has enough). Every match is ranked, none is left outside
    /// a window. Visibility is applied inside, so hidden articles never take a place in the count. OFFSET 0
    /// keeps the body matches a GIN bitmap scan: planned together, a rare word's matches were looked for by
    /// walking every article newest first.
    /// </summary>
    public override IQueryable<RankedRow>? TopForStem(string stem, int count)
    {
        if (!OneWordScores.IsOneWord(stem))
        {
            return null;
        }

        var seesEmbargoed = ArticleVisibility.CallerSeesEmbargoed;
        var tsquery = $"'{stem}'";
        return Db.Database.SqlQuery<RankedRow>($"""
            SELECT top."Id", top."PublishedAt", top."Score" FROM (
                (SELECT t."ArticleId" AS "Id", t."PublishedAt", t."Score"::float8 AS "Score"
                 FROM "ArticleSearchTerms" t JOIN "Articles" a ON a."Id" = t."ArticleId"
                 WHERE t."Term" = {stem} AND ({seesEmbargoed} OR a."ReleasedVersion" IS NOT NULL)
                 ORDER BY t."Score" DESC, t."PublishedAt" DESC, t."ArticleId" DESC
                 LIMIT {count})
                UNION ALL
                (SELECT a."Id", a."PublishedAt", 0::float8
                 FROM (SELECT "ArticleId" FROM "ArticleSearch" WHERE "Document" @@ to_tsquery('simple', {tsquery}) OFFSET 0) AS s
                 JOIN "Articles" a ON a."Id" = s."ArticleId"
                 WHERE ({seesEmbargoed} OR a."ReleasedVersion" IS NOT NULL)
                   AND NOT EXISTS (SELECT 1 FROM "ArticleSearchTerms" t WHERE t."ArticleId" = s."ArticleId" AND t."Term" = {stem})
                 ORDER BY a."PublishedAt" DESC, a."Id" DESC
                 LIMIT {count})
                LIMIT {count}) AS top
            """);
    }

    // Stems are letters and digits only; quoting each keeps tsquery syntax out of them. <-> makes phrases.
    private static string TsQuery(SearchQuery query) =>
        string.Join(" | ", query.Branches.Select(b => "(" + string.Join(" & ", b.Select(c => "(" + string.Join(" <-> ", c.Select(s => $"'{s}'")) + ")")) + ")"));

    // One array per column (unnest): the statement's text is the same for any number of rows, so it is
    // prepared once, and its parameters are the same whatever the batch. The ranking index's rows are made
    // from the ranking vector just stored, each word scored as a query for it alone would score it.
    protected override async Task UpsertAsync(IReadOnlyList<IndexRow> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.ArticleId).ToArray();
        var titles = rows.Select(r => r.Title).ToArray();
        var bodies = rows.Select(r => r.Body).ToArray();
        var leads = rows.Select(r => r.Lead).ToArray();
        await Db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ArticleSearch" ("ArticleId", "Document", "Rank")
            SELECT d.id, setweight(to_tsvector('simple', d.title), 'A') || setweight(to_tsvector('simple', d.body), 'B'),
                   setweight(to_tsvector('simple', d.title), 'A') || setweight(to_tsvector('simple', d.lead), 'B')
            FROM unnest({ids}, {titles}, {bodies}, {leads}) AS d(id, title, body, lead)
            ON CONFLICT ("ArticleId") DO UPDATE SET "Document" = EXCLUDED."Document", "Rank" = EXCLUDED."Rank";
            DELETE FROM "ArticleSearchTerms" WHERE "ArticleId" = ANY({ids});
            INSERT INTO "ArticleSearchTerms" ("Term", "Score", "PublishedAt", "ArticleId")
            SELECT t.lexeme, ts_rank(s."Rank", quote_literal(t.lexeme)::tsquery), a."PublishedAt", s."ArticleId"
            FROM "ArticleSearch" s JOIN "Articles" a ON a."Id" = s."ArticleId", unnest(s."Rank") AS t
            WHERE s."ArticleId" = ANY({ids});
            """, ct);
    }

    // A row without its ranking vector (indexed before it existed) counts as missing, so start-up indexes it again.
    protected override Task<List<int>> IndexedIdsAsync(CancellationToken ct) =>
        Db.Database.SqlQuery<int>($"SELECT \"ArticleId\" AS \"Value\" FROM \"ArticleSearch\" WHERE \"Rank\" IS NOT NULL").ToListAsync(ct);

    protected override async Task<int> DocumentCountAsync(CancellationToken ct) =>
        Math.Min(StatisticsWindow, await Db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM \"ArticleSearch\"").SingleAsync(ct));

    protected override Task<List<TermCount>> DocumentFrequenciesAsync(string[] stems, CancellationToken ct) =>
        Db.Database.SqlQuery<TermCount>($$"""
            SELECT word AS "Term", ndoc AS "Documents"
            FROM ts_stat({{WindowQuery}})
            WHERE word = ANY({{stems}})
            """).ToListAsync(ct);
}
