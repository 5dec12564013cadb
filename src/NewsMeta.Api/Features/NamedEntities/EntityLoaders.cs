using Mapster;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.GraphQL;

namespace NewsMeta.Api.Features.NamedEntities;

/// <summary>Batch loaders behind the relations of a GraphQL Entity (one instance per request).</summary>
public sealed class EntityLoaders
{
    public EntityLoaders(NewsDbContext db, TypeAdapterConfig mapping)
    {
        ById = new(async (ids, ct) => await db.Entities.AsNoTracking().Where(e => ids.Contains(e.Id))
            .ProjectToType<EntitySummaryDto>(mapping).ToDictionaryAsync(e => e.Id, e => (EntitySummaryDto?)e, ct), null);

        Aliases = new(async (ids, ct) => (await db.EntityAliases.AsNoTracking().Where(a => ids.Contains(a.EntityId))
            .OrderBy(a => a.EntityId).ThenBy(a => a.Id).Select(a => new { a.EntityId, a.Name }).ToListAsync(ct))
            .GroupBy(a => a.EntityId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(a => a.Name).ToList()), []);

        // Co-mention counts of all requested entities in one grouped query; each keeps its own top N.
        Related = new(async (keys, ct) =>
        {
            var ids = keys.Select(k => k.EntityId).Distinct().ToList();
            var pairs = await db.ArticleEntities.VisibleToCaller(db, mine => mine.ArticleId).Where(mine => ids.Contains(mine.EntityId))
                .Join(db.ArticleEntities, mine => mine.ArticleId, other => other.ArticleId, (mine, other) => new { Mine = mine.EntityId, Other = other.EntityId })
                .Where(p => p.Mine != p.Other)
                .GroupBy(p => new { p.Mine, p.Other })
                .Select(g => new { g.Key.Mine, g.Key.Other, Count = g.Count() })
                .ToListAsync(ct);
            var byEntity = pairs.ToLookup(p => p.Mine);
            return keys.ToDictionary(k => k, k => (IReadOnlyList<RelatedEntityRow>)byEntity[k.EntityId]
                .OrderByDescending(p => p.Count).ThenBy(p => p.Other).Take(k.First)
                .Select(p => new RelatedEntityRow(p.Other, p.Count)).ToList());
        }, []);
    }

    public BatchLoader<int, EntitySummaryDto?> ById { get; }
    public BatchLoader<int, IReadOnlyList<string>> Aliases { get; }
    public BatchLoader<(int EntityId, int First), IReadOnlyList<RelatedEntityRow>> Related { get; }
}

/// <summary>An entity co-mentioned with another one, and in how many articles.</summary>
public sealed record RelatedEntityRow(int EntityId, int Count);
