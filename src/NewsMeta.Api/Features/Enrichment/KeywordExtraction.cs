using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Keywords;
using NewsMeta.Api.Features.Search;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Enrichment;

/// <summary>
/// Tops up the keywords of articles whose publisher gave fewer than <see cref="MinPublisherKeywords"/>:
/// salient words and two-word phrases by TF-IDF (<see cref="KeywordExtractor"/>), document frequencies
/// from the search index, marked <see cref="Origin.Extracted"/> and placed after the publisher's own.
/// </summary>
public sealed class KeywordExtraction(SearchIndex search, KeywordCatalog keywords, NewsDbContext db)
{
    public const int MinPublisherKeywords = 3;

    /// <summary>An article ends up with this many keywords when its text has enough to say.</summary>
    public const int TargetKeywords = 5;

    /// <summary>Only the most frequent candidates of a text are looked up in the index: the rest cannot win.</summary>
    private const int CandidatesPerArticle = 40;

    /// <summary>
    /// Adds extracted keywords to the saved articles that need them (their keyword lists loaded, tracked
    /// or not); returns the new rows. The caller stores them: new catalogue keywords are tracked, so it
    /// saves first, then reads each row's keyword id from its <see cref="ArticleKeyword.Keyword"/>.
    /// </summary>
    public async Task<IReadOnlyList<ArticleKeyword>> ExtractAsync(IReadOnlyList<Article> articles, CancellationToken ct)
    {
        var needy = articles
            .Select(a => (Article: a, Publisher: a.Keywords.Where(k => k.Origin == Origin.Publisher).ToList()))
            .Where(x => x.Publisher.Count < MinPublisherKeywords)
            .Select(x => (x.Article, x.Publisher, Candidates: KeywordExtractor.Candidates(x.Article.Title, x.Article.Summary, x.Article.Body).Take(CandidatesPerArticle).ToList()))
            .ToList();
        if (needy.Count == 0)
        {
            return [];
        }

        var stems = needy.SelectMany(n => n.Candidates).SelectMany(c => c.Key.Split(' ')).ToHashSet(StringComparer.Ordinal);
        var statistics = await search.TermStatisticsAsync(stems, ct);
        var names = await EntityNamesAsync(needy.Select(n => n.Article), ct);
        var chosen = needy.Select(n => (n.Article, n.Publisher, Keywords: KeywordExtractor.Choose(
                n.Candidates, statistics.FrequencyOf, statistics.Documents, TargetKeywords - n.Publisher.Count, n.Publisher.Select(p => p.Keyword.Name),
                n.Article.Entities.SelectMany(e => names.GetValueOrDefault(e.Entity?.Id ?? e.EntityId, [])))))
            .ToList();

        var catalog = await keywords.ResolveAsync(chosen.SelectMany(c => c.Keywords).Select(k => k.Name), ct);
        var added = new List<ArticleKeyword>();
        foreach (var (article, publisher, extracted) in chosen)
        {
            var position = article.Keywords.Count == 0 ? 0 : article.Keywords.Max(k => k.Position) + 1;
            foreach (var keyword in extracted.Select(k => catalog[ArabicNormalizer.Normalize(k.Name)]).Distinct())
            {
                // Two spellings can meet on one catalogue keyword the publisher already gave.
                if (article.Keywords.All(k => k.Keyword != keyword))
                {
                    var row = new ArticleKeyword { ArticleId = article.Id, Position = position++, Origin = Origin.Extracted, PublishedAt = article.PublishedAt, Keyword = keyword };
                    article.Keywords.Add(row);
                    added.Add(row);
                }
            }
        }

        return added;
    }

    /// <summary>
    /// The names and aliases of the entities these articles are linked to, by entity id (one query): no
    /// keyphrase repeats one of them.
    /// </summary>
    private async Task<Dictionary<int, List<string>>> EntityNamesAsync(IEnumerable<Article> articles, CancellationToken ct)
    {
        var ids = articles.SelectMany(a => a.Entities).Select(e => e.Entity?.Id ?? e.EntityId).Where(id => id != 0).Distinct().ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Entities.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Name, Aliases = e.Aliases.Select(a => a.Name).ToList() }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => r.Aliases.Prepend(r.Name).ToList());
    }
}
