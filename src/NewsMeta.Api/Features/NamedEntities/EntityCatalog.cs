using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.NamedEntities;

/// <summary>A publisher's mention of an entity, as the writer hands it over.</summary>
public sealed record EntityMentionInput(string Name, EntityType Type, IReadOnlyList<string> Aliases);

/// <summary>
/// Matches entities across articles by normalised name, then by alias (same type), creating the missing
/// ones and adding aliases the catalogue did not know yet.
/// </summary>
public sealed class EntityCatalog(NewsDbContext db)
{
    /// <summary>Returns one tracked entity per input, in input order.</summary>
    public async Task<List<NamedEntity>> ResolveAsync(IReadOnlyList<EntityMentionInput> inputs, CancellationToken ct)
    {
        var names = inputs.Select(i => ArabicNormalizer.Normalize(i.Name)).Distinct().ToList();
        var byName = await db.Entities.Include(e => e.Aliases)
            .Where(e => names.Contains(e.NormalizedName))
            .ToListAsync(ct);
        var aliasOwnerIds = await db.EntityAliases.Where(a => names.Contains(a.NormalizedName))
            .Select(a => new { a.NormalizedName, a.EntityId })
            .ToListAsync(ct);
        var missingOwnerIds = aliasOwnerIds.Select(a => a.EntityId).Except(byName.Select(e => e.Id)).ToList();
        var byAlias = missingOwnerIds.Count == 0
            ? []
            : await db.Entities.Include(e => e.Aliases).Where(e => missingOwnerIds.Contains(e.Id)).ToListAsync(ct);

        var known = new KnownEntities(byName.Concat(byAlias));
        var result = new List<NamedEntity>(inputs.Count);
        foreach (var input in inputs)
        {
            var key = ArabicNormalizer.Normalize(input.Name);
            var entity = known.Find(key, input.Type);
            if (entity is null)
            {
                entity = new NamedEntity { Name = DisplayNames.Clean(input.Name), NormalizedName = key, Type = input.Type };
                db.Entities.Add(entity);
                known.Add(entity);
            }

            AddAliases(entity, input.Aliases.Prepend(input.Name));
            known.IndexAliases(entity);
            result.Add(entity);
        }

        return result;
    }

    /// <summary>
    /// The entities a batch knows, looked up by (name, type) and then (alias, type), the earliest known
    /// one winning each key as a first-match search of the list would: dictionaries instead of scanning
    /// every entity and its aliases per mention (a 500-article batch names about 5,000, and scanning was
    /// most of the catalogue step). Aliases a mention adds are found by the batch's later mentions.
    /// </summary>
    private sealed class KnownEntities
    {
        private readonly Dictionary<(string, EntityType), NamedEntity> _byName = [];
        private readonly Dictionary<(string, EntityType), (int Order, NamedEntity Entity)> _byAlias = [];
        private readonly Dictionary<NamedEntity, int> _order = new(ReferenceEqualityComparer.Instance);

        public KnownEntities(IEnumerable<NamedEntity> entities)
        {
            foreach (var entity in entities)
            {
                Add(entity);
            }
        }

        public NamedEntity? Find(string key, EntityType type) =>
            _byName.TryGetValue((key, type), out var named) ? named
            : _byAlias.TryGetValue((key, type), out var aliased) ? aliased.Entity : null;

        public void Add(NamedEntity entity)
        {
            if (!_order.TryAdd(entity, _order.Count))
            {
                return;
            }

            _byName.TryAdd((entity.NormalizedName, entity.Type), entity);
            IndexAliases(entity);
        }

        public void IndexAliases(NamedEntity entity)
        {
            var order = _order[entity];
            foreach (var alias in entity.Aliases)
            {
                var key = (alias.NormalizedName, entity.Type);
                if (!_byAlias.TryGetValue(key, out var earlier) || earlier.Order > order)
                {
                    _byAlias[key] = (order, entity);
                }
            }
        }
    }

    /// <summary>Adds the spellings the entity lacks; its own name is not repeated as an alias.</summary>
    public static void AddAliases(NamedEntity entity, IEnumerable<string> spellings)
    {
        foreach (var spelling in spellings)
        {
            var key = ArabicNormalizer.Normalize(spelling);
            if (key.Length > 0 && key != entity.NormalizedName && entity.Aliases.All(a => a.NormalizedName != key))
            {
                entity.Aliases.Add(new EntityAlias { Name = DisplayNames.Clean(spelling), NormalizedName = key });
            }
        }
    }

    /// <summary>Recomputes ArticleCount of the given entities in one statement.</summary>
    public Task RecountAsync(IReadOnlyCollection<int> ids, CancellationToken ct) =>
        ids.Count == 0
            ? Task.CompletedTask
            : db.Entities.Where(e => ids.Contains(e.Id))
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.ArticleCount, e => db.ArticleEntities.Count(ae => ae.EntityId == e.Id && ae.Article.ReleasedVersion != null)), ct); // as the write pipeline counts: embargoed articles not yet
}
