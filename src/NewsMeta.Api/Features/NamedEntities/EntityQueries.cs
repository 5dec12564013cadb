using Mapster;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Paging;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.NamedEntities;

/// <summary>Read side of the entity catalogue.</summary>
public sealed class EntityQueries(NewsDbContext db, TypeAdapterConfig mapping)
{
    /// <summary>Entities by article count; <paramref name="search"/> is a prefix of the normalised name or of an alias.</summary>
    public async Task<Page<EntitySummaryDto>?> ListAsync(EntityType? type, string? search, int limit, string? cursor, QueryErrors errors, CancellationToken ct, EntityStatus? status = null)
    {
        var page = await CountOrderedPaging.PageAsync<NamedEntity, EntitySummaryDto>(Matching(type, search, status), $"e{type}{status}", limit, cursor, errors, mapping, e => (e.ArticleCount, e.Id), ct);
        if (page is not null)
        {
            await FillMatchedAliasesAsync(page.Items, search, ct);
        }

        return page;
    }

    /// <summary>
    /// Sets <see cref="EntitySummaryDto.MatchedAlias"/> on the listed entities that <paramref name="search"/>
    /// found by an alias rather than by their name (one query for the page).
    /// </summary>
    public async Task FillMatchedAliasesAsync(IEnumerable<EntitySummaryDto> items, string? search, CancellationToken ct)
    {
        var listed = items.ToList();
        if (search is null || listed.Count == 0)
        {
            return;
        }

        var prefix = ArabicNormalizer.Normalize(search);
        var ids = listed.Select(e => e.Id).ToList();
        var aliases = (await db.EntityAliases.AsNoTracking()
            .Where(a => ids.Contains(a.EntityId) && a.NormalizedName.StartsWith(prefix)
                && !db.Entities.Any(e => e.Id == a.EntityId && e.NormalizedName.StartsWith(prefix)))
            .OrderBy(a => a.Id).Select(a => new { a.EntityId, a.Name }).ToListAsync(ct))
            .DistinctBy(a => a.EntityId).ToDictionary(a => a.EntityId, a => a.Name);
        foreach (var entity in listed)
        {
            entity.MatchedAlias = aliases.GetValueOrDefault(entity.Id);
        }
    }

    /// <summary>Entities of a type and status (if given) whose normalised name or an alias starts with <paramref name="search"/> (if given).</summary>
    public IQueryable<NamedEntity> Matching(EntityType? type, string? search, EntityStatus? status = null)
    {
        var query = db.Entities.AsNoTracking();
        if (type is { } t)
        {
            query = query.Where(e => e.Type == t);
        }

        if (status is { } s)
        {
            query = query.Where(e => e.Status == s);
        }

        if (search is not null)
        {
            var prefix = ArabicNormalizer.Normalize(search);
            query = query.Where(e => e.NormalizedName.StartsWith(prefix) || e.Aliases.Any(a => a.NormalizedName.StartsWith(prefix)));
        }

        return query;
    }

    public Task<EntityDto?> GetAsync(int id, CancellationToken ct) =>
        db.Entities.AsNoTracking().Where(e => e.Id == id).ProjectToType<EntityDto>(mapping).FirstOrDefaultAsync(ct);

    public Task<EntitySummaryDto?> SummaryAsync(int id, CancellationToken ct) =>
        db.Entities.AsNoTracking().Where(e => e.Id == id).ProjectToType<EntitySummaryDto>(mapping).FirstOrDefaultAsync(ct);

    public Task<bool> ExistsAsync(int id, CancellationToken ct) => db.Entities.AnyAsync(e => e.Id == id, ct);

    /// <summary>
    /// Entities mentioned in the same articles as <paramref name="id"/>, most shared articles first
    /// (offset-paged: the ranking has no stable key). Two SQL commands whatever the page size.
    /// </summary>
    public async Task<Page<RelatedEntityDto>?> RelatedAsync(int id, int limit, string? cursor, QueryErrors errors, CancellationToken ct)
    {
        var offset = 0;
        if (cursor is not null)
        {
            if (!Cursor.TryDecode(cursor, $"r{id}", out var skip, out _) || skip is < 0 or > 10_000)
            {
                errors.Add("cursor", "is not a cursor of this list; start again without it");
                return null;
            }

            offset = (int)skip;
        }

        var counts = await db.ArticleEntities.VisibleToCaller(db, mine => mine.ArticleId).Where(mine => mine.EntityId == id)
            .Join(db.ArticleEntities, mine => mine.ArticleId, other => other.ArticleId, (mine, other) => other.EntityId)
            .Where(other => other != id)
            .GroupBy(other => other)
            .Select(g => new { EntityId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.EntityId)
            .Skip(offset).Take(limit + 1)
            .ToListAsync(ct);
        var ids = counts.Select(c => c.EntityId).ToList();
        var entities = await db.Entities.AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Name, e.Type }).ToDictionaryAsync(e => e.Id, ct);
        var items = counts.Take(limit)
            .Select(c => new RelatedEntityDto { Id = c.EntityId, Name = entities[c.EntityId].Name, Type = entities[c.EntityId].Type, Count = c.Count })
            .ToList();
        var next = counts.Count > limit ? Cursor.Encode($"r{id}", offset + limit, 1) : null;
        return new Page<RelatedEntityDto> { Items = items, NextCursor = next };
    }
}
