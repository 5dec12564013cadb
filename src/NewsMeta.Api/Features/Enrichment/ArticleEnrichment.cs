using NewsMeta.Api.Common;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Search;

namespace NewsMeta.Api.Features.Enrichment;

/// <summary>
/// What the article writer does with articles once they are saved, inside its transaction: index them
/// for search, extract keywords where the publisher gave too few, then compute similar articles (which
/// uses those keywords). One place for the order of the steps.
/// </summary>
public sealed class ArticleEnrichment(NewsDbContext db, SearchIndex search, KeywordExtraction extraction, SimilarArticles similar, NewsMetaMetrics metrics)
{
    /// <summary>Enriches saved articles whose keyword lists are loaded (the writer's, untracked).</summary>
    public async Task EnrichAsync(IReadOnlyList<Article> articles, CancellationToken ct)
    {
        // The index first: the articles' own terms then count in the document frequencies extraction reads.
        using (metrics.Step(WriteSteps.SearchIndex))
        {
            await search.IndexAsync(articles.Select(a => new SearchDocument(a.Id, a.Title, a.Summary, a.Body)).ToList(), ct);
        }

        using (metrics.Step(WriteSteps.Keyphrases))
        {
            await ExtractKeywordsAsync(articles, ct);
        }

        using (metrics.Step(WriteSteps.SimilarLinks))
        {
            await similar.ComputeAsync(articles.Select(a => a.Id).ToList(), ct);
        }
    }

    /// <summary>Before a delete changes them: the similar lists of the deleted article and of those linking to it.</summary>
    public Task LockListsForDeleteAsync(IReadOnlyCollection<int> lists, CancellationToken ct) => similar.LockListsForDeleteAsync(lists, ct);

    /// <summary>
    /// Recomputes the similar lists of articles that lost a computed link (its target was deleted). Each is
    /// also offered to its candidates again, as after a write.
    /// </summary>
    public Task RefillSimilarAsync(IReadOnlyCollection<int> articleIds, CancellationToken ct) => similar.ComputeAsync(articleIds, ct);

    /// <summary>Removes what enrichment stored about a deleted article that the database does not cascade.</summary>
    public Task ForgetAsync(int articleId, CancellationToken ct) => search.RemoveAsync(articleId, ct);

    private async Task ExtractKeywordsAsync(IReadOnlyList<Article> articles, CancellationToken ct)
    {
        // The writer counts the extracted keywords with the rest of the article's, from article.Keywords.
        var extracted = await extraction.ExtractAsync(articles, ct);
        if (extracted.Count > 0)
        {
            await db.SaveChangesAsync(ct); // new catalogue keywords get their ids
            foreach (var row in extracted)
            {
                row.KeywordId = row.Keyword.Id;
            }

            await db.InsertAsync(extracted, ct);
        }
    }
}
