using System.Linq.Expressions;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles.ReadModel;

/// <summary>
/// GraphQL's article rows together with their stored relations (<see cref="ArticleDocument.Parts"/> and
/// <see cref="ArticleLinksDocument.PartsLinks"/>), in one statement: the row's columns as <see cref="ArticleRow"/>
/// has them, and the relations by correlated lookups on the documents' primary keys (null when it is not rendered yet). Applied last, after filters and keyset paging, so the page keeps its order.
/// Visibility is the caller's query: the document is only read for rows it already let through.
/// </summary>
public static class StoredArticleRows
{
    public static IQueryable<ArticleRow> WithDocument(this IQueryable<Article> articles, NewsDbContext db) =>
        articles.Select(Projection(db, withDocument: true));

    /// <summary>The rows alone: their relations load by id (see <see cref="ArticleLoaders.ById"/>).</summary>
    public static IQueryable<ArticleRow> WithoutDocument(this IQueryable<Article> articles, NewsDbContext db) =>
        articles.Select(Projection(db, withDocument: false));

    private static Expression<Func<Article, ArticleRow>> Projection(NewsDbContext db, bool withDocument) => a => new ArticleRow
    {
        Id = a.Id,
        ExternalId = a.ExternalId,
        Slug = a.Slug,
        Url = a.Url,
        Title = a.Title,
        Summary = a.Summary,
        Language = a.Language,
        PublishedAt = a.PublishedAt,
        UpdatedAt = a.UpdatedAt,
        ChangedAt = a.ChangedAt,
        SourceId = a.SourceId,
        Subtitle = a.Subtitle,
        WordCount = a.WordCount,
        ReadingTimeMinutes = a.ReadingTimeMinutes,
        EmbargoUntil = a.EmbargoUntil,
        // The relations alone; the full document (which parses the same) only in a store not yet backfilled.
        Document = withDocument ? db.ArticleDocuments.Where(d => d.Id == a.Id).Select(d => d.Parts ?? d.Full).FirstOrDefault() : null,
        StoredLinks = withDocument ? db.ArticleLinksDocuments.Where(l => l.Id == a.Id).Select(l => l.PartsLinks ?? l.Links).FirstOrDefault() : null,
    };
}
