using System.Security.Claims;
using NewsMeta.Api.Common.Auth;

namespace NewsMeta.Api.Features.Articles;

/// <summary>
/// THE one rule of which articles a caller sees: an article under embargo (<see cref="Article.IsEmbargoed"/>)
/// only with the write (or admin) scope. It is applied as the model's query filter on <see cref="Article"/>
/// (<see cref="Data.NewsDbContext"/>), so every query of articles, and every query that walks to one through
/// a required navigation, leaves embargoed articles out for readers without repeating the condition.
/// <para>
/// The caller is set once per HTTP request, after authentication (<see cref="UseArticleVisibility"/>).
/// Work outside a request (the write pipeline in the group commit, background jobs, the CLI) sees every
/// article: those are the store's own work, not a reader's.
/// </para>
/// </summary>
public static class ArticleVisibility
{
    /// <summary>The query filter's name, for the rare query that must see past it (<c>IgnoreQueryFilters([FilterName])</c>).</summary>
    public const string FilterName = "embargo";

    private static readonly AsyncLocal<bool?> CallerSeesEmbargoedValue = new();

    /// <summary>True when the current caller may see embargoed articles (and outside any request).</summary>
    public static bool CallerSeesEmbargoed => CallerSeesEmbargoedValue.Value ?? true;

    /// <summary>Whether a caller with these claims sees embargoed articles: the write or admin scope.</summary>
    public static bool SeesEmbargoed(ClaimsPrincipal user) =>
        user.HasClaim(c => c.Type == Scopes.ClaimType && c.Value is Scopes.Write or Scopes.Admin);

    /// <summary>
    /// For queries that never touch the <see cref="Article"/> table (counts over join rows, stored
    /// documents keyed by article id): keeps what the caller may see, by the same rule as the query filter.
    /// </summary>
    public static IQueryable<T> VisibleToCaller<T>(this IQueryable<T> rows, Data.NewsDbContext db, System.Linq.Expressions.Expression<Func<T, int>> articleId)
    {
        if (CallerSeesEmbargoed)
        {
            return rows;
        }

        var visible = db.Articles.Select(a => a.Id);
        var parameter = articleId.Parameters[0];
        var contains = System.Linq.Expressions.Expression.Call(
            typeof(Queryable), nameof(Queryable.Contains), [typeof(int)], visible.Expression, articleId.Body);
        return rows.Where(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(contains, parameter));
    }

    /// <summary>Sets the caller for the rest of the request; after authentication, before anything reads articles.</summary>
    public static IApplicationBuilder UseArticleVisibility(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            CallerSeesEmbargoedValue.Value = SeesEmbargoed(context.User);
            return next(context);
        });

}
