using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Search;

/// <summary>What the index needs of an article: its text (the writer already has it in memory).</summary>
public sealed record SearchDocument(int ArticleId, string Title, string? Summary, string Body);

/// <summary>How many indexed articles there are, and how many of them hold each asked-for stem.</summary>
public sealed record TermStatistics(int Documents, IReadOnlyDictionary<string, int> DocumentFrequencies)
{
    public int FrequencyOf(string stem) => DocumentFrequencies.GetValueOrDefault(stem);
}

/// <summary>One matching article and its relevance (higher is better, comparable within one query only).</summary>
public sealed class SearchHit
{
    public int ArticleId { get; set; }
    public double Score { get; set; }
}

/// <summary>
/// The full-text index of articles, one implementation per provider (SQLite FTS5, PostgreSQL tsvector
/// + GIN). Both index the same analysed text (<see cref="TextAnalyzer.IndexText"/>: normalised, stop
/// words dropped, light-stemmed), title weighted above summary and body, so both rank alike.
/// The article writer keeps it in step inside its own transaction.
/// </summary>
public abstract class SearchIndex(NewsDbContext db)
{
    protected NewsDbContext Db { get; } = db;

    /// <summary>Adds or replaces the documents' entries: one statement for all of them (a write batch's, an import's 500).</summary>
    public async Task IndexAsync(IReadOnlyList<SearchDocument> documents, CancellationToken ct)
    {
        if (documents.Count == 0)
        {
            return;
        }

        var rows = documents.Select(d => (d.ArticleId, Title: TextAnalyzer.IndexText(d.Title), Body: TextAnalyzer.IndexText($"{d.Summary}\n{d.Body}")))
            .Select(r => new IndexRow(r.ArticleId, r.Title, r.Body, Lead(r.Body))).ToList();
        await UpsertAsync(rows, ct);
    }

    public abstract Task RemoveAsync(int articleId, CancellationToken ct);

    /// <summary>The first <see cref="LeadStems"/> analysed words of the summary and body: the text an index may rank by besides the title.</summary>
    public static string Lead(string analysedBody)
    {
        var end = -1;
        for (var words = 0; words < LeadStems; words++)
        {
            end = analysedBody.IndexOf(' ', end + 1);
            if (end < 0)
            {
                return analysedBody;
            }
        }

        return analysedBody[..end];
    }

    /// <summary>How many analysed words of summary and body make the lead (about a news article's first paragraph).</summary>
    public const int LeadStems = 60;

    /// <summary>Document frequencies of the given stems (for TF-IDF); stems absent from the index are left out.</summary>
    public async Task<TermStatistics> TermStatisticsAsync(IReadOnlyCollection<string> stems, CancellationToken ct)
    {
        var frequencies = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in stems.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            foreach (var row in await DocumentFrequenciesAsync(chunk, ct))
            {
                frequencies[row.Term] = row.Documents;
            }
        }

        return new TermStatistics(await DocumentCountAsync(ct), frequencies);
    }

    /// <summary>The articles matching every clause of the query, with their scores; composable with article filters.</summary>
    public abstract IQueryable<SearchHit> Hits(SearchQuery query);

    /// <summary>
    /// The hits to rank for an unfiltered search that needs the first <paramref name="atLeast"/> of them.
    /// By default all hits; an index whose ranking reads every match may rank a bounded window instead.
    /// </summary>
    public virtual IQueryable<SearchHit> RankedHits(SearchQuery query, int atLeast) => Hits(query);

    /// <summary>
    /// The first <paramref name="count"/> matches of an unfiltered search for one stem, in rank order (relevance,
    /// newest, highest id), scored as <see cref="Hits"/> scores them, when the index keeps a ranking index that
    /// answers it without ranking every match; null when it does not (the caller ranks <see cref="RankedHits"/>).
    /// </summary>
    public virtual IQueryable<RankedRow>? TopForStem(string stem, int count) => null;

    /// <summary>The query's one word when it is a single stem that <see cref="OneWordScores.IsOneWord"/> accepts; else null.</summary>
    protected static string? OneWordOf(SearchQuery query) =>
        query.Branches.Count == 1 && query.Clauses.Count == 1 && query.Clauses[0].Count == 1 && OneWordScores.IsOneWord(query.Clauses[0][0])
            ? query.Clauses[0][0]
            : null;

    /// <summary>Indexes the articles the index lacks (a store created before search existed, or restored without it).</summary>
    public async Task EnsureCompleteAsync(ILogger log, CancellationToken ct)
    {
        var indexed = (await IndexedIdsAsync(ct)).ToHashSet();
        var missing = (await Db.Articles.Select(a => a.Id).ToListAsync(ct)).Where(id => !indexed.Contains(id)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        log.LogInformation("Search index: indexing {Count} articles it lacks", missing.Count);
        foreach (var batch in missing.Chunk(500))
        {
            var documents = await Db.Articles.AsNoTracking().Where(a => batch.Contains(a.Id))
                .Select(a => new SearchDocument(a.Id, a.Title, a.Summary, a.Body)).ToListAsync(ct);
            await IndexAsync(documents, ct);
        }
    }

    /// <summary>Replaces the rows' entries in one statement, whatever their number.</summary>
    protected abstract Task UpsertAsync(IReadOnlyList<IndexRow> rows, CancellationToken ct);

    protected abstract Task<List<int>> IndexedIdsAsync(CancellationToken ct);

    /// <summary>The number of documents the frequencies are counted over.</summary>
    protected abstract Task<int> DocumentCountAsync(CancellationToken ct);

    protected abstract Task<List<TermCount>> DocumentFrequenciesAsync(string[] stems, CancellationToken ct);
}

/// <summary>One article's analysed text: title, summary and body, and the lead (<see cref="SearchIndex.Lead"/>).</summary>
public sealed record IndexRow(int ArticleId, string Title, string Body, string Lead);

/// <summary>A row of a document-frequency query.</summary>
public sealed class TermCount
{
    public string Term { get; set; } = "";
    public int Documents { get; set; }
}
