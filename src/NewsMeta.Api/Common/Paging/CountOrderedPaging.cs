using Mapster;
using Microsoft.EntityFrameworkCore;

namespace NewsMeta.Api.Common.Paging;

/// <summary>A catalogue row listed by popularity: sources, keywords, entities.</summary>
public interface ICountedRow
{
    int Id { get; }
    int ArticleCount { get; }
}

/// <summary>
/// Keyset pages ordered by article count (most first), then id. Counts move as articles arrive, so a
/// walk during heavy ingestion can see a row twice or miss one whose count just crossed the cursor;
/// for a stable walk use the article lists, which are keyed on immutable columns.
/// </summary>
public static class CountOrderedPaging
{
    public static async Task<Page<TDto>?> PageAsync<TRow, TDto>(
        IQueryable<TRow> query, string scope, int limit, string? cursor, QueryErrors errors, TypeAdapterConfig mapping, Func<TDto, (int Count, int Id)> keyOf, CancellationToken ct)
        where TRow : class, ICountedRow
    {
        if (cursor is not null)
        {
            if (!Cursor.TryDecode(cursor, scope, out var count, out var lastId) || count is < 0 or > int.MaxValue)
            {
                errors.Add("cursor", "is not a cursor of this list; start again without it");
                return null;
            }

            var lastCount = (int)count;
            query = query.Where(r => r.ArticleCount < lastCount || (r.ArticleCount == lastCount && r.Id > lastId));
        }

        var rows = await query.OrderByDescending(r => r.ArticleCount).ThenBy(r => r.Id).Take(limit + 1)
            .ProjectToType<TDto>(mapping).ToListAsync(ct);
        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            var (lastCountValue, id) = keyOf(rows[^1]);
            next = Cursor.Encode(scope, lastCountValue, id);
        }

        return new Page<TDto> { Items = rows, NextCursor = next };
    }
}
