using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common.Caching;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Ingestion;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.NamedEntities;

/// <summary>The result of an entity write: the entity's id, or field errors (nothing was written).</summary>
public sealed record EntityWriteResult(int? EntityId, bool Created, Dictionary<string, string[]> Errors)
{
    public static EntityWriteResult Failed(string field, string message) => new(null, false, new() { [field] = [message] });
}

/// <summary>
/// Curates the entity catalogue: create or rename, add aliases, merge duplicates. Every change that
/// alters how articles read (a name, a merge) bumps those articles' version and changedAt, so clients
/// syncing with updatedSince see them again.
/// </summary>
public sealed class EntityWriter(NewsDbContext db, EntityCatalog catalog, TimeProvider clock, ICacheInvalidator cache, Common.NewsMetaMetrics metrics)
{
    private const int MaxAliases = ArticleRecordValidator.MaxListItems;

    /// <summary>With <paramref name="id"/>: renames/retypes that entity. Without: finds it by name or alias of the type, or creates it.</summary>
    public async Task<EntityWriteResult> UpsertAsync(int? id, string name, EntityType type, IReadOnlyList<string> aliases, CancellationToken ct)
    {
        var errors = Validate(name, aliases);
        if (errors.Count > 0)
        {
            return new EntityWriteResult(null, false, errors);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        NamedEntity entity;
        var created = false;
        if (id is { } existingId)
        {
            var found = await db.Entities.Include(e => e.Aliases).FirstOrDefaultAsync(e => e.Id == existingId, ct);
            if (found is null)
            {
                return EntityWriteResult.Failed("id", "no entity has this id");
            }

            var key = ArabicNormalizer.Normalize(name);
            if (await db.Entities.AnyAsync(e => e.Id != existingId && e.NormalizedName == key && e.Type == type, ct))
            {
                return EntityWriteResult.Failed("name", "another entity of this type already has this name; combine them with mergeEntities");
            }

            entity = found;
            var oldName = entity.Name;
            var renamed = oldName != DisplayNames.Clean(name) || entity.Type != type;
            entity.Name = DisplayNames.Clean(name);
            entity.NormalizedName = key;
            entity.Type = type;
            entity.Aliases.RemoveAll(a => a.NormalizedName == key);
            // The old name stays an alias, so articles and searches that use it still find the entity.
            EntityCatalog.AddAliases(entity, [oldName]);
            if (renamed)
            {
                await TouchArticlesAsync([entity.Id], ct);
            }
        }
        else
        {
            entity = (await catalog.ResolveAsync([new EntityMentionInput(name, type, [])], ct))[0];
            created = entity.Id == 0;
        }

        EntityCatalog.AddAliases(entity, aliases);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        await cache.InvalidateAsync(ct);
        return new EntityWriteResult(entity.Id, created, []);
    }

    public async Task<EntityWriteResult> AddAliasAsync(int id, string alias, CancellationToken ct)
    {
        var errors = Validate(alias, [], field: "alias");
        if (errors.Count > 0)
        {
            return new EntityWriteResult(null, false, errors);
        }

        var entity = await db.Entities.Include(e => e.Aliases).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null)
        {
            return EntityWriteResult.Failed("entityId", "no entity has this id");
        }

        EntityCatalog.AddAliases(entity, [alias]);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await cache.InvalidateAsync(ct);
        return new EntityWriteResult(entity.Id, false, []);
    }

    /// <summary>
    /// Merges <paramref name="sourceIds"/> into <paramref name="targetId"/>: their names and aliases become
    /// aliases of the target, their mentions move to it (summed where an article names both), and they are deleted.
    /// </summary>
    public async Task<EntityWriteResult> MergeAsync(int targetId, IReadOnlyList<int> sourceIds, CancellationToken ct)
    {
        if (sourceIds.Count == 0 || sourceIds.Count > MaxAliases)
        {
            return EntityWriteResult.Failed("ids", $"must list 1 to {MaxAliases} entities");
        }

        if (sourceIds.Contains(targetId))
        {
            return EntityWriteResult.Failed("ids", "must not contain the entity merged into");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var entities = await db.Entities.Include(e => e.Aliases).Where(e => e.Id == targetId || sourceIds.Contains(e.Id)).ToListAsync(ct);
        var target = entities.FirstOrDefault(e => e.Id == targetId);
        if (target is null)
        {
            return EntityWriteResult.Failed("intoId", "no entity has this id");
        }

        var sources = entities.Where(e => e.Id != targetId).ToList();
        if (sources.Count != sourceIds.Distinct().Count())
        {
            return EntityWriteResult.Failed("ids", "some of these entities do not exist");
        }

        foreach (var source in sources)
        {
            EntityCatalog.AddAliases(target, source.Aliases.Select(a => a.Name).Prepend(source.Name));
        }

        var mentions = await db.ArticleEntities.Where(ae => ae.EntityId == targetId || sourceIds.Contains(ae.EntityId)).ToListAsync(ct);
        var articleIds = mentions.Where(m => m.EntityId != targetId).Select(m => m.ArticleId).Distinct().ToList();
        db.ArticleEntities.RemoveRange(mentions);
        db.Entities.RemoveRange(sources);
        await db.SaveChangesAsync(ct);
        db.ArticleEntities.AddRange(mentions.GroupBy(m => m.ArticleId).Select(g => new ArticleEntity
        {
            ArticleId = g.Key,
            EntityId = targetId,
            Position = g.Min(m => m.Position),
            Mentions = g.Sum(m => m.Mentions),
            // What the publisher tagged stays the publisher's.
            Origin = g.Min(m => m.Origin),
        }));
        await db.SaveChangesAsync(ct);
        await catalog.RecountAsync([targetId], ct);
        await TouchArticlesAsync(articleIds, ct, byArticle: true);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        await cache.InvalidateAsync(ct);
        return new EntityWriteResult(targetId, false, []);
    }

    private async Task TouchArticlesAsync(IReadOnlyCollection<int> ids, CancellationToken ct, bool byArticle = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var articles = byArticle
            ? db.Articles.Where(a => ids.Contains(a.Id))
            : db.Articles.Where(a => a.Entities.Any(e => ids.Contains(e.EntityId)));
        var touched = await articles.ExecuteUpdateAsync(set => set.SetProperty(a => a.ChangedAt, now).SetProperty(a => a.Version, a => a.Version + 1), ct);
        // Counted before the commit: an entity edit that then fails is rare, and its 503 says so.
        metrics.Wrote(Common.WritePaths.EntityEdit, Common.WriteOutcomes.Updated, touched);
    }

    private static Dictionary<string, string[]> Validate(string name, IReadOnlyList<string> aliases, string field = "name")
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string f, string message) => errors[f] = errors.TryGetValue(f, out var existing) ? [.. existing, message] : [message];
        ArticleRecordValidator.RequireName(name, field, Add);

        if (aliases.Count > MaxAliases)
        {
            Add("aliases", $"must have at most {MaxAliases} items");
        }

        for (var i = 0; i < aliases.Count && i < MaxAliases; i++)
        {
            ArticleRecordValidator.RequireName(aliases[i], $"aliases[{i}]", Add);
        }

        return errors;
    }
}
