using Mapster;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.GraphQL.Connections;

namespace NewsMeta.Api.Features.Articles;

/// <summary>The GraphQL read side of articles: filtered connections and single lookups, over <see cref="ArticleQueries.Filtered"/>.</summary>
public sealed class ArticleGraphQueries(ArticleQueries queries, TypeAdapterConfig mapping)
{
    public async Task<Connection<ArticleRow>> ConnectionAsync(ArticleFilter filter, PageArgs args, CancellationToken ct)
    {
        var matching = queries.Filtered(filter);
        var rows = await ArticleKeyset.Page(matching, filter.Ascending, args).ProjectToType<ArticleRow>(mapping).ToListAsync(ct);
        return Connection<ArticleRow>.FromRows(rows, args, r => ArticleKeyset.CursorOf(r, filter.Ascending), matching.CountAsync);
    }

    public Task<ArticleRow?> ByExternalIdAsync(string externalId, CancellationToken ct) =>
        queries.Filtered(new ArticleFilter()).Where(a => a.ExternalId == externalId).ProjectToType<ArticleRow>(mapping).FirstOrDefaultAsync(ct);
}
