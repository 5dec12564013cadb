using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles.ReadModel;
using NewsMeta.Api.GraphQL.Connections;

namespace NewsMeta.Api.Features.Articles;

/// <summary>
/// The GraphQL read side of articles: filtered connections and single lookups, over <see cref="ArticleQueries.Filtered"/>.
/// A page is one statement that reads each row's stored document with it (<see cref="StoredArticleRows"/>).
/// </summary>
public sealed class ArticleGraphQueries(ArticleQueries queries, NewsDbContext db)
{
    public async Task<Connection<ArticleRow>> ConnectionAsync(ArticleFilter filter, PageArgs args, CancellationToken ct)
    {
        var matching = queries.Filtered(filter);
        var rows = await ArticleKeyset.Page(matching, filter.Ascending, args).WithDocument(db).ToListAsync(ct);
        return Connection<ArticleRow>.FromRows(rows, args, r => ArticleKeyset.CursorOf(r, filter.Ascending), matching.CountAsync);
    }

    public Task<ArticleRow?> ByExternalIdAsync(string externalId, CancellationToken ct) =>
        queries.Filtered(new ArticleFilter()).Where(a => a.ExternalId == externalId).WithDocument(db).FirstOrDefaultAsync(ct);
}
