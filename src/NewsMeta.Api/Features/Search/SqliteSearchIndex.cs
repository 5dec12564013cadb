using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Search;

/// <summary>
/// FTS5 table "ArticleSearch"(title, body), rowid = article id, over analysed text. Ranked by bm25 with
/// the title three times the weight of the body. Document frequencies come from the fts5vocab table
/// "ArticleSearchTerms" over the same index: exact, over the whole store, and read by term lookup. One-word
/// searches rank by the title and lead instead, through the ranking index "ArticleSearchRanks" (<see cref="TopForStem"/>).
/// </summary>
public sealed class SqliteSearchIndex(NewsDbContext db) : SearchIndex(db)
{
    public override Task RemoveAsync(int articleId, CancellationToken ct) =>
        Db.Database.ExecuteSqlAsync($"""
            DELETE FROM ArticleSearch WHERE rowid = {articleId};
            DELETE FROM ArticleSearchRanks WHERE ArticleId = {articleId};
            """, ct);

    public override IQueryable<SearchHit> Hits(SearchQuery query)
    {
        // Every clause quoted: a stem is never read as FTS5 syntax; a quoted multi-stem clause is a phrase.
        var match = string.Join(" OR ", query.Branches.Select(b => "(" + string.Join(" AND ", b.Select(c => $"\"{string.Join(' ', c)}\"")) + ")"));
        if (OneWordOf(query) is { } word)
        {
            // Scored as the ranking index scores it (TopForStem), so filtered and unfiltered searches agree.
            return Db.Database.SqlQuery<SearchHit>($"""
                SELECT s.rowid AS ArticleId, coalesce(t.Score, 0.0) AS Score
                FROM ArticleSearch s LEFT JOIN ArticleSearchRanks t ON t.ArticleId = s.rowid AND t.Term = {word}
                WHERE ArticleSearch MATCH {match}
                """);
        }

        return Db.Database.SqlQuery<SearchHit>(
            $"SELECT rowid AS ArticleId, -bm25(ArticleSearch, 3.0, 1.0) AS Score FROM ArticleSearch WHERE ArticleSearch MATCH {match}");
    }

    /// <summary>
    /// From the ranking index "ArticleSearchRanks" (one row per word of an article's title and lead, with its
    /// <see cref="OneWordScores"/> score and the article's publishedAt): its rows for the word are in rank order,
    /// so the first <paramref name="count"/> are a walk down one index, where bm25 read every match and its
    /// article. Matches deeper in the body score 0 and follow, newest first; SQLite runs the arms of the
    /// UNION ALL in order and stops at the LIMIT, so they are read only when the ranked rows run out. The
    /// same arithmetic and order as PostgreSQL's (<see cref="PostgresSearchIndex.TopForStem"/>).
    /// </summary>
    public override IQueryable<RankedRow>? TopForStem(string stem, int count)
    {
        if (!OneWordScores.IsOneWord(stem))
        {
            return null;
        }

        var seesEmbargoed = ArticleVisibility.CallerSeesEmbargoed;
        var match = $"\"{stem}\"";
        // CROSS JOIN keeps the written order of the loops: the ranking index outside, read in its order.
        return Db.Database.SqlQuery<RankedRow>($"""
            SELECT top.Id, top.PublishedAt, top.Score FROM (
                SELECT * FROM (
                    SELECT t.ArticleId AS Id, t.PublishedAt, t.Score
                    FROM ArticleSearchRanks t CROSS JOIN Articles a
                    WHERE t.Term = {stem} AND a.Id = t.ArticleId AND ({seesEmbargoed} OR a.ReleasedVersion IS NOT NULL)
                    ORDER BY t.Score DESC, t.PublishedAt DESC, t.ArticleId DESC
                    LIMIT {count})
                UNION ALL
                SELECT * FROM (
                    SELECT a.Id, a.PublishedAt, 0.0 AS Score
                    FROM ArticleSearch s CROSS JOIN Articles a
                    WHERE ArticleSearch MATCH {match} AND a.Id = s.rowid AND ({seesEmbargoed} OR a.ReleasedVersion IS NOT NULL)
                      AND NOT EXISTS (SELECT 1 FROM ArticleSearchRanks t WHERE t.ArticleId = s.rowid AND t.Term = {stem})
                    ORDER BY a.PublishedAt DESC, a.Id DESC
                    LIMIT {count})
                LIMIT {count}) AS top
            """);
    }

    // The rows travel as one JSON parameter (see BulkInsert on SQLite's cost of many parameters). bm25 reads its
    // statistics from the index, so it ranks over the whole text and the lead is not kept there; the ranking
    // index keeps the words of the title and lead with their one-word scores.
    protected override async Task UpsertAsync(IReadOnlyList<IndexRow> rows, CancellationToken ct)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(rows.Select(r => new object[] { r.ArticleId, r.Title, r.Body }));
        // Per article its words and scores, so the article's publishedAt is looked up once, not once per word.
        var ranks = System.Text.Json.JsonSerializer.Serialize(rows.Select(r => new object[] { r.ArticleId, OneWordScores.Of(r.Title, r.Lead).Select(w => new object[] { w.Word, w.Score }) }));
        await Db.Database.ExecuteSqlAsync($"""
            DELETE FROM ArticleSearch WHERE rowid IN (SELECT json_extract(value, '$[0]') FROM json_each({json}));
            INSERT INTO ArticleSearch(rowid, title, body)
            SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each({json});
            DELETE FROM ArticleSearchRanks WHERE ArticleId IN (SELECT json_extract(value, '$[0]') FROM json_each({json}));
            INSERT INTO ArticleSearchRanks (ArticleId, Term, Score, PublishedAt)
            SELECT a.Id, json_extract(w.value, '$[0]'), json_extract(w.value, '$[1]'), a.PublishedAt
            FROM json_each({ranks}) r JOIN Articles a ON a.Id = json_extract(r.value, '$[0]'), json_each(r.value, '$[1]') w;
            """, ct);
    }

    // An article without ranking rows (indexed before the ranking index existed) counts as missing, so start-up
    // indexes it again; one whose title and lead hold no word at all is indexed again at each start, harmlessly.
    protected override Task<List<int>> IndexedIdsAsync(CancellationToken ct) =>
        Db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM ArticleSearch WHERE rowid IN (SELECT ArticleId FROM ArticleSearchRanks)").ToListAsync(ct);

    protected override Task<int> DocumentCountAsync(CancellationToken ct) => Db.Articles.CountAsync(ct);

    protected override Task<List<TermCount>> DocumentFrequenciesAsync(string[] stems, CancellationToken ct) =>
        // json_each drives term-equality lookups into the vocabulary (no scan of the index).
        Db.Database.SqlQuery<TermCount>(
            $"SELECT v.term AS Term, v.doc AS Documents FROM json_each({System.Text.Json.JsonSerializer.Serialize(stems)}) j JOIN ArticleSearchTerms v ON v.term = j.value")
            .ToListAsync(ct);
}
