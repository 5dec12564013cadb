using GraphQL;
using GraphQL.DataLoader;
using NewsMeta.Api.Data;
using NewsMeta.Api.GraphQL;
using NewsMeta.Api.GraphQL.Connections;

namespace NewsMeta.Api.Features.Articles;

/// <summary>
/// Resolves the <c>articles</c> connection of an entity, keyword or source (and a source's
/// <c>creditedArticles</c>) through the batched <see cref="ArticlePagesByParent"/>. The total is the
/// parent's stored article count (no extra query), or counted when asked for credits.
/// </summary>
public static class NestedArticles
{
    public static IDataLoaderResult<Connection<ArticleRow>> Load(IResolveFieldContext context, string parentKind, int parentId, int articleCount) =>
        Load(context, parentKind, parentId, () => Task.FromResult(articleCount));

    public static IDataLoaderResult<Connection<ArticleRow>> Load(IResolveFieldContext context, string parentKind, int parentId, Func<Task<int>> totalCount)
    {
        var args = PageArgs.From(context);
        var db = context.Service<NewsDbContext>();
        var pages = context.Service<ArticlePagesByParent>();
        var loader = parentKind switch
        {
            "entity" => pages.For("entity", db.Entities, id => db.ArticleEntities.Where(e => e.EntityId == id).Select(e => e.Article)),
            "keyword" => pages.For("keyword", db.Keywords, id => db.ArticleKeywords.Where(k => k.KeywordId == id).Select(k => k.Article)),
            "byline" => pages.For("byline", db.Entities, id => db.ArticleBylines.Where(b => b.EntityId == id && b.IsFirstOfPerson).Select(b => b.Article)),
            "credit" => pages.For("credit", db.Sources, id => db.ArticleCredits.Where(c => c.SourceId == id).Select(c => c.Article)),
            _ => pages.For("source", db.Sources, id => db.Articles.Where(a => a.SourceId == id)),
        };
        return loader.Load((parentId, args)).Then(rows =>
            Connection<ArticleRow>.FromRows([.. rows], args, r => ArticleKeyset.CursorOf(r, ascending: false), _ => totalCount()));
    }
}
