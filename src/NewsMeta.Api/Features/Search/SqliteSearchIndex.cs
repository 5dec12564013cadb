using System.Text;
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

    protected override async Task UpsertAsync(IReadOnlyList<(int ArticleId, string Title, string Body)> rows, CancellationToken ct)
    {
        var sql = new StringBuilder("DELETE FROM ArticleSearch WHERE rowid IN (");
        var parameters = new List<object>();
        sql.AppendJoin(',', rows.Select(r => r.ArticleId));
        sql.Append("); INSERT INTO ArticleSearch(rowid, title, body) VALUES ");
        for (var i = 0; i < rows.Count; i++)
        {
            sql.Append(i == 0 ? "" : ",").Append($"({{{parameters.Count}}}, {{{parameters.Count + 1}}}, {{{parameters.Count + 2}}})");
            parameters.AddRange([rows[i].ArticleId, rows[i].Title, rows[i].Body]);
        }

        await Db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
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
