using Mapster;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common.Paging;

namespace NewsMeta.Api.GraphQL.Connections;

/// <summary>
/// Connections over the catalogues (entities, keywords, sources), most-used first then by id, in both
/// directions. Counts move as articles arrive: see <see cref="CountOrderedPaging"/> for what that means.
/// </summary>
public static class CountedConnections
{
    private const string Scope = "gc";

    public static async Task<Connection<TDto>> PageAsync<TRow, TDto>(
        IQueryable<TRow> query, PageArgs args, TypeAdapterConfig mapping, Func<TDto, (int Count, int Id)> keyOf, CancellationToken ct)
        where TRow : class, ICountedRow
    {
        var all = query;
        if (Key(args, args.After, "after") is { } after)
        {
            var (count, id) = after;
            query = query.Where(r => r.ArticleCount < count || (r.ArticleCount == count && r.Id > id));
        }

        if (Key(args, args.Before, "before") is { } before)
        {
            var (count, id) = before;
            query = query.Where(r => r.ArticleCount > count || (r.ArticleCount == count && r.Id < id));
        }

        query = args.Backward
            ? query.OrderBy(r => r.ArticleCount).ThenByDescending(r => r.Id)
            : query.OrderByDescending(r => r.ArticleCount).ThenBy(r => r.Id);
        var rows = await query.Take(args.Size + 1).ProjectToType<TDto>(mapping).ToListAsync(ct);
        return Connection<TDto>.FromRows(rows, args, r =>
        {
            var (count, id) = keyOf(r);
            return Cursor.Encode(Scope, count, id);
        }, all.CountAsync);
    }

    private static (int Count, int Id)? Key(PageArgs args, string? cursor, string argument)
    {
        if (args.Decode(cursor, Scope, argument) is not { } decoded)
        {
            return null;
        }

        if (decoded.Key is < 0 or > int.MaxValue)
        {
            throw new UserInputError(argument, "is not a cursor of this list; start again without it");
        }

        return ((int)decoded.Key, decoded.Id);
    }
}
