using System.Text.Json.Serialization;
using Mapster;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Search;

/// <summary>The matched words of one result, marked with &lt;mark&gt; in the original text (HTML-escaped).</summary>
public sealed class SearchHighlightsDto
{
    /// <summary>The whole title, matches marked.</summary>
    /// <example>البرلمان يقر &lt;mark&gt;موازنة&lt;/mark&gt; 2026</example>
    public required string Title { get; init; }

    /// <summary>About 30 words of the summary and body around the first match.</summary>
    public required string Body { get; init; }
}

/// <summary>A search result: the article summary, its relevance and highlights.</summary>
public sealed class SearchResultDto : ArticleSummaryDto
{
    /// <summary>Relevance; higher is better, comparable within one query only.</summary>
    [JsonPropertyOrder(1)]
    public double Score { get; set; }

    [JsonPropertyOrder(2)]
    public SearchHighlightsDto Highlights { get; set; } = null!;
}

/// <summary>A ranked match: the article, its publication time (the tie-break) and its relevance.</summary>
public sealed class RankedRow
{
    public int Id { get; init; }
    public DateTime PublishedAt { get; init; }
    public double Score { get; init; }
}

/// <summary>One page of ranked hits: ids in rank order, scores and highlights.</summary>
public sealed record RankedPage(IReadOnlyList<(int ArticleId, double Score, SearchHighlightsDto Highlights)> Hits, bool HasMore);

/// <summary>
/// Full-text search combined with the article filters. Ranked by relevance, then newest; paged by
/// offset (a ranking has no stable key), at most <see cref="MaxOffset"/> deep.
/// </summary>
public sealed class SearchQueries(NewsDbContext db, SearchIndex index, ArticleQueries articles, TypeAdapterConfig mapping)
{
    public const int MaxOffset = 10_000;

    /// <summary>How many articles match (all pages).</summary>
    public Task<int> CountAsync(SearchQuery query, ArticleFilter filter, CancellationToken ct) =>
        articles.Filtered(filter).Join(index.Hits(query), a => a.Id, h => h.ArticleId, (a, h) => a.Id).CountAsync(ct);

    /// <summary>
    /// The page's matches in rank order (relevance, then newest, then highest id), one more than
    /// <paramref name="limit"/> to tell whether another page follows; composable (<see cref="StoredSearch"/>
    /// reads the page's stored summaries in the same statement).
    /// </summary>
    public IQueryable<RankedRow> Ranked(SearchQuery query, ArticleFilter filter, int limit, int offset)
    {
        if (filter.IsEmpty && SingleStem(query) is { } stem && index.TopForStem(stem, offset + limit + 1) is { } top)
        {
            return top.OrderByDescending(x => x.Score).ThenByDescending(x => x.PublishedAt).ThenByDescending(x => x.Id)
                .Skip(offset).Take(limit + 1);
        }

        // Unfiltered, the index may rank a bounded window of the newest matches (PostgreSQL does); a filter
        // could leave that window empty, so filtered searches rank every match.
        var candidates = filter.IsEmpty ? index.RankedHits(query, offset + limit + 1) : index.Hits(query);
        return articles.Filtered(filter)
            .Join(candidates, a => a.Id, h => h.ArticleId, (a, h) => new RankedRow { Id = a.Id, PublishedAt = a.PublishedAt, Score = h.Score })
            .OrderByDescending(x => x.Score).ThenByDescending(x => x.PublishedAt).ThenByDescending(x => x.Id)
            .Skip(offset).Take(limit + 1);
    }

    /// <summary>The query's one stem when it is a single word (one branch, one clause, no phrase); else null.</summary>
    private static string? SingleStem(SearchQuery query) =>
        query.Branches.Count == 1 && query.Clauses.Count == 1 && query.Clauses[0].Count == 1 ? query.Clauses[0][0] : null;

    public async Task<RankedPage> RankAsync(SearchQuery query, ArticleFilter filter, int limit, int offset, CancellationToken ct)
    {
        var page = await Ranked(query, filter, limit, offset).ToListAsync(ct);
        var hasMore = page.Count > limit;
        page = page.Take(limit).ToList();
        var ids = page.Select(p => p.Id).ToList();
        var texts = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Title, a.Summary, Body = a.Body.Substring(0, SearchHighlights.BodyPrefixLength + 1) }).ToListAsync(ct);
        var highlights = await SearchHighlights.OfAsync(db, query.Stems, texts.Select(t => (t.Id, t.Title, t.Summary, t.Body)), ct);
        var hits = page.Select(p => (p.Id, p.Score, highlights[p.Id])).ToList();
        return new RankedPage(hits, hasMore);
    }

    /// <summary>The REST shape: summaries in rank order with score and highlights.</summary>
    public async Task<List<SearchResultDto>> SummariesAsync(RankedPage page, CancellationToken ct)
    {
        var ids = page.Hits.Select(h => h.ArticleId).ToList();
        var summaries = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).AsSplitQuery()
            .ProjectToType<SearchResultDto>(mapping).ToDictionaryAsync(a => a.Id, ct);
        return page.Hits.Select(h =>
        {
            var result = summaries[h.ArticleId];
            result.Score = Math.Round(h.Score, 6);
            result.Highlights = h.Highlights;
            return result;
        }).ToList();
    }
}
