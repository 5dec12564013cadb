using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Search;

/// <summary>
/// FTS5 table "ArticleSearch"(title, body), rowid = article id, over analysed text. Ranked by bm25 with
/// the title three times the weight of the body. Document frequencies come from the fts5vocab table
/// "ArticleSearchTerms" over the same index: exact, over the whole store, and read by term lookup.
/// </summary>
public sealed class SqliteSearchIndex(NewsDbContext db) : SearchIndex(db)
{
    public override Task RemoveAsync(int articleId, CancellationToken ct) =>
        Db.Database.ExecuteSqlAsync($"DELETE FROM ArticleSearch WHERE rowid = {articleId}", ct);

    public override IQueryable<SearchHit> Hits(SearchQuery query)
    {
        // Every clause quoted: a stem is never read as FTS5 syntax; a quoted multi-stem clause is a phrase.
        var match = string.Join(" OR ", query.Branches.Select(b => "(" + string.Join(" AND ", b.Select(c => $"\"{string.Join(' ', c)}\"")) + ")"));
        return Db.Database.SqlQuery<SearchHit>(
            $"SELECT rowid AS ArticleId, -bm25(ArticleSearch, 3.0, 1.0) AS Score FROM ArticleSearch WHERE ArticleSearch MATCH {match}");
    }

    // The rows travel as one JSON parameter (see BulkInsert on SQLite's cost of many parameters). bm25 reads its
    // statistics from the index, so it ranks over the whole text and the lead is not kept.
    protected override async Task UpsertAsync(IReadOnlyList<IndexRow> rows, CancellationToken ct)
    {
        var json = System.Text.Json.JsonSerializer.Serialize(rows.Select(r => new object[] { r.ArticleId, r.Title, r.Body }));
        await Db.Database.ExecuteSqlAsync($"""
            DELETE FROM ArticleSearch WHERE rowid IN (SELECT json_extract(value, '$[0]') FROM json_each({json}));
            INSERT INTO ArticleSearch(rowid, title, body)
            SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each({json});
            """, ct);
    }

    protected override Task<List<int>> IndexedIdsAsync(CancellationToken ct) =>
        Db.Database.SqlQuery<int>($"SELECT rowid AS Value FROM ArticleSearch").ToListAsync(ct);

    protected override Task<int> DocumentCountAsync(CancellationToken ct) => Db.Articles.CountAsync(ct);

    protected override Task<List<TermCount>> DocumentFrequenciesAsync(string[] stems, CancellationToken ct) =>
        // json_each drives term-equality lookups into the vocabulary (no scan of the index).
        Db.Database.SqlQuery<TermCount>(
            $"SELECT v.term AS Term, v.doc AS Documents FROM json_each({System.Text.Json.JsonSerializer.Serialize(stems)}) j JOIN ArticleSearchTerms v ON v.term = j.value")
            .ToListAsync(ct);
}
