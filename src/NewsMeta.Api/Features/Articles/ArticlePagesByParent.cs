using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common.Paging;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles.ReadModel;
using NewsMeta.Api.GraphQL;
using NewsMeta.Api.GraphQL.Connections;

namespace NewsMeta.Api.Features.Articles;

/// <summary>
/// Pages of articles under many parents at once (Entity.articles, Keyword.articles, Source.articles
/// inside a list): one SQL command per distinct set of paging arguments, whatever the number of
/// parents. The database picks each parent's page with a correlated, limited subquery
/// (ROW_NUMBER per parent on SQLite and PostgreSQL). Each row comes with its stored document, so the
/// articles' relations need no further command (<see cref="StoredArticleRows"/>).
/// </summary>
public sealed class ArticlePagesByParent(NewsDbContext db)
{
    private readonly Dictionary<string, object> _loaders = [];

    /// <summary>
    /// The loader for one kind of parent. <paramref name="membersOf"/> gives a parent's articles from
    /// its id, e.g. <c>id => db.Articles.Where(a => a.SourceId == id)</c>.
    /// </summary>
    public BatchLoader<(int ParentId, PageArgs Args), List<ArticleRow>> For<TParent>(
        string kind, IQueryable<TParent> parents, Expression<Func<int, IQueryable<Article>>> membersOf)
        where TParent : class, ICountedRow
    {
        if (!_loaders.TryGetValue(kind, out var loader))
        {
            loader = new BatchLoader<(int ParentId, PageArgs Args), List<ArticleRow>>(
                (keys, ct) => FetchAsync(parents, membersOf, keys, ct), []);
            _loaders[kind] = loader;
        }

        return (BatchLoader<(int ParentId, PageArgs Args), List<ArticleRow>>)loader;
    }

    private async Task<IDictionary<(int ParentId, PageArgs Args), List<ArticleRow>>> FetchAsync<TParent>(
        IQueryable<TParent> parents, Expression<Func<int, IQueryable<Article>>> membersOf,
        IReadOnlyCollection<(int ParentId, PageArgs Args)> keys, CancellationToken ct)
        where TParent : class, ICountedRow
    {
        var result = new Dictionary<(int, PageArgs), List<ArticleRow>>();
        foreach (var group in keys.GroupBy(k => k.Args))
        {
            var ids = group.Select(k => k.ParentId).ToList();
            var pages = await parents.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(PageSelector<TParent>(membersOf, group.Key)).ToListAsync(ct);
            foreach (var page in pages)
            {
                result[(page.ParentId, group.Key)] = page.Items;
            }
        }

        return result;
    }

    /// <summary>Builds <c>p => new ParentPage { ParentId = p.Id, Items = page of membersOf(p.Id) }</c>.</summary>
    private Expression<Func<TParent, ParentPage>> PageSelector<TParent>(Expression<Func<int, IQueryable<Article>>> membersOf, PageArgs args)
    {
        var members = ((IQueryable<Article>)db.Articles).Provider.CreateQuery<Article>(membersOf.Body);
        var page = ArticleKeyset.Page(members, ascending: false, args).WithDocument(db);
        var items = Expression.Call(typeof(Enumerable), nameof(Enumerable.ToList), [typeof(ArticleRow)], page.Expression);
        var parent = Expression.Parameter(typeof(TParent), "p");
        var parentId = Expression.Property(parent, nameof(ICountedRow.Id));
        var body = Expression.MemberInit(
            Expression.New(typeof(ParentPage)),
            Expression.Bind(typeof(ParentPage).GetProperty(nameof(ParentPage.ParentId))!, parentId),
            Expression.Bind(typeof(ParentPage).GetProperty(nameof(ParentPage.Items))!, new Substitute(membersOf.Parameters[0], parentId).Visit(items)));
        return Expression.Lambda<Func<TParent, ParentPage>>(body, parent);
    }

    private sealed class ParentPage
    {
        public int ParentId { get; init; }
        public List<ArticleRow> Items { get; init; } = [];
    }

    private sealed class Substitute(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
