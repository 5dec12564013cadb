using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Paging;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.GraphQL.Connections;

namespace NewsMeta.Api.Features.Sections;

/// <summary>
/// Read side of sections. Lists go by id, which puts every parent before its children (a level is created
/// before the levels below it): a client reading the pages in order can hang each section under its parent.
/// A page is one SQL command; the counts are correlated counts over the (SectionId, ArticleId) index.
/// </summary>
public sealed class SectionQueries(NewsDbContext db)
{
    private const string Scope = "sec";

    public async Task<Page<SectionDto>?> ListAsync(int limit, string? cursor, QueryErrors errors, CancellationToken ct)
    {
        var query = db.Sections.AsNoTracking();
        if (cursor is not null)
        {
            if (!Cursor.TryDecode(cursor, Scope, out _, out var lastId))
            {
                errors.Add("cursor", "is not a cursor of this list; start again without it");
                return null;
            }

            query = query.Where(s => s.Id > lastId);
        }

        var rows = await Project(query.OrderBy(s => s.Id).Take(limit + 1)).ToListAsync(ct);
        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            next = Cursor.Encode(Scope, 0, rows[^1].Id);
        }

        return new Page<SectionDto> { Items = rows, NextCursor = next };
    }

    /// <summary>A GraphQL connection over the same order (forward and backward).</summary>
    public async Task<Connection<SectionDto>> ConnectionAsync(PageArgs args, CancellationToken ct)
    {
        var query = db.Sections.AsNoTracking();
        if (args.Decode(args.After, Scope, "after") is { } after)
        {
            query = query.Where(s => s.Id > after.Id);
        }

        if (args.Decode(args.Before, Scope, "before") is { } before)
        {
            query = query.Where(s => s.Id < before.Id);
        }

        query = args.Backward ? query.OrderByDescending(s => s.Id) : query.OrderBy(s => s.Id);
        var rows = await Project(query.Take(args.Size + 1)).ToListAsync(ct);
        return Connection<SectionDto>.FromRows(rows, args, s => Cursor.Encode(Scope, 0, s.Id), db.Sections.CountAsync);
    }

    public Task<SectionDto?> GetAsync(int id, CancellationToken ct) =>
        Project(db.Sections.AsNoTracking().Where(s => s.Id == id)).FirstOrDefaultAsync(ct);

    public Task<bool> ExistsAsync(int id, CancellationToken ct) => db.Sections.AnyAsync(s => s.Id == id, ct);

    /// <summary>Sections by id, for batch loaders.</summary>
    public Task<Dictionary<int, SectionDto>> ByIdsAsync(IReadOnlyCollection<int> ids, CancellationToken ct) =>
        Project(db.Sections.AsNoTracking().Where(s => ids.Contains(s.Id))).ToDictionaryAsync(s => s.Id, ct);

    private IQueryable<SectionDto> Project(IQueryable<Section> sections)
    {
        var visible = db.ArticleSections.VisibleToCaller(db, x => x.ArticleId);
        return sections.Select(s => new SectionDto
        {
            Id = s.Id,
            Name = s.Name,
            Path = s.Path,
            ParentId = s.ParentId,
            ArticleCount = visible.Count(x => x.SectionId == s.Id),
        });
    }
}
