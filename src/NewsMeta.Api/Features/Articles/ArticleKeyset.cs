using NewsMeta.Api.Common.Paging;
using NewsMeta.Api.GraphQL;
using NewsMeta.Api.GraphQL.Connections;

namespace NewsMeta.Api.Features.Articles;

/// <summary>
/// Keyset paging of articles on (publishedAt, id) in both directions for GraphQL connections. Built
/// as a pure query transformation so it also works inside a correlated subquery (nested connections).
/// </summary>
public static class ArticleKeyset
{
    public static string Scope(bool ascending) => ascending ? "ga+" : "ga-";

    public static string CursorOf(ArticleRow row, bool ascending) => Cursor.Encode(Scope(ascending), row.PublishedAt.Ticks, row.Id);

    /// <summary>Applies after/before, orders in fetch direction and takes one row more than the page.</summary>
    public static IQueryable<Article> Page(IQueryable<Article> query, bool ascending, PageArgs args)
    {
        var scope = Scope(ascending);
        if (Instant(args, args.After, scope, "after") is { } after)
        {
            var (at, id) = after;
            query = ascending
                ? query.Where(a => a.PublishedAt > at || (a.PublishedAt == at && a.Id > id))
                : query.Where(a => a.PublishedAt < at || (a.PublishedAt == at && a.Id < id));
        }

        if (Instant(args, args.Before, scope, "before") is { } before)
        {
            var (at, id) = before;
            query = ascending
                ? query.Where(a => a.PublishedAt < at || (a.PublishedAt == at && a.Id < id))
                : query.Where(a => a.PublishedAt > at || (a.PublishedAt == at && a.Id > id));
        }

        // Paging backwards reads from the far end of the list; Connection.FromRows puts the rows back in list order.
        var fetchAscending = ascending != args.Backward;
        query = fetchAscending
            ? query.OrderBy(a => a.PublishedAt).ThenBy(a => a.Id)
            : query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);
        return query.Take(args.Size + 1);
    }

    private static (DateTime At, int Id)? Instant(PageArgs args, string? cursor, string scope, string argument)
    {
        if (args.Decode(cursor, scope, argument) is not { } decoded)
        {
            return null;
        }

        if (decoded.Key < 0 || decoded.Key > DateTime.MaxValue.Ticks)
        {
            throw new UserInputError(argument, "is not a cursor of this list; start again without it");
        }

        return (new DateTime(decoded.Key, DateTimeKind.Utc), decoded.Id);
    }
}
