using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Articles.Pipeline;
using NewsMeta.Api.Features.Ingestion;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.NamedEntities;

/// <summary>The result of an entity write: the entity's id, or field errors (nothing was written).</summary>
public sealed record EntityWriteResult(int? EntityId, bool Created, Dictionary<string, string[]> Errors)
{
    /// <summary>The caller's If-Match did not hold inside the write's transaction; nothing was written.</summary>
    public static EntityWriteResult PreconditionFailed => new(null, false, []) { IsPreconditionFailed = true };

    public bool IsPreconditionFailed { get; private init; }

    public static EntityWriteResult Failed(string field, string message) => new(null, false, new() { [field] = [message] });
}

/// <summary>
/// Curates the entity catalogue: create or rename, add aliases, merge duplicates. Each edit runs inside
/// the write pipeline's re-enrichment (<see cref="ArticleWriter.ReenrichAsync"/>) of the articles it can
/// change: those naming the entity, and those whose text holds a new spelling (found through the search
/// index, at most <see cref="MaxTextCandidates"/>; the relink job covers the rest). In the edit's own
/// transaction, every article that now reads differently gets a new version, an <c>article.updated</c>
/// in the outbox and its counts moved, and the cache generation is bumped.
/// </summary>
public sealed class EntityWriter(NewsDbContext db, EntityCatalog catalog, ArticleWriter writer, Search.SearchIndex search, Common.NewsMetaMetrics metrics)
{
    /// <summary>Most aliases one write may add, and most entities one merge may fold in.</summary>
    public const int MaxAliases = ArticleRecordValidator.MaxListItems;

    /// <summary>Articles found by a new spelling's words that an edit relinks at once.</summary>
    public const int MaxTextCandidates = 500;

    /// <summary>Advisory-lock class of entity writes on PostgreSQL ("NC"; SimilarArticles uses NM, NA, NE, NK).</summary>
    private const int EntityWriteLockClass = 0x4E43;

    /// <summary>With <paramref name="id"/>: renames/retypes that entity. Without: finds it by name or alias of the type, or creates it.</summary>
    /// <param name="id">The entity to rename, or null to find or create one.</param>
    /// <param name="name">The (new) name.</param>
    /// <param name="type">The (new) type.</param>
    /// <param name="aliases">Spellings to add.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="precondition">For a conditional write (If-Match on <paramref name="id"/>): checked inside the transaction, with the entity locked.</param>
    public async Task<EntityWriteResult> UpsertAsync(int? id, string name, EntityType type, IReadOnlyList<string> aliases, CancellationToken ct, Func<CancellationToken, Task<bool>>? precondition = null)
    {
        var errors = Validate(name, aliases);
        if (errors.Count > 0)
        {
            return new EntityWriteResult(null, false, errors);
        }

        var naming = id is { } renamed ? await MentioningAsync([renamed], ct) : [];
        var candidates = await TextCandidatesAsync([name, .. aliases], ct);
        EntityWriteResult result = null!;
        var batch = await writer.ReenrichAsync([.. naming.Union(candidates)], Reenrichment.Mentions, ct, touched: naming.ToHashSet(), edit: async token =>
        {
            result = await UpsertEntityAsync(id, name, type, aliases, precondition, token);
            return result.Errors.Count == 0 && !result.IsPreconditionFailed;
        });
        Wrote(batch);
        return result;
    }

    /// <summary>
    /// Confirms an entity: it joins the curated catalogue (status confirmed, no confidence). From now on the
    /// matcher links its name and aliases wherever they appear, so the articles naming it and those whose
    /// text holds one of its spellings (at most <see cref="MaxTextCandidates"/>) are relinked in the same transaction.
    /// </summary>
    /// <param name="id">The entity.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="precondition">For a conditional write (If-Match): checked inside the transaction, with the entity locked.</param>
    public async Task<EntityWriteResult> ConfirmAsync(int id, CancellationToken ct, Func<CancellationToken, Task<bool>>? precondition = null)
    {
        var spellings = await db.Entities.Where(e => e.Id == id).Select(e => e.Name)
            .Concat(db.EntityAliases.Where(a => a.EntityId == id).Select(a => a.Name)).ToListAsync(ct);
        var naming = await MentioningAsync([id], ct);
        var candidates = await TextCandidatesAsync(spellings, ct);
        EntityWriteResult result = null!;
        var batch = await writer.ReenrichAsync([.. naming.Union(candidates)], Reenrichment.Mentions, ct, edit: async token =>
        {
            result = await ConfirmEntityAsync(id, precondition, token);
            return result.Errors.Count == 0 && !result.IsPreconditionFailed;
        });
        Wrote(batch);
        return result;
    }

    /// <summary>
    /// Deletes an entity and its mentions. The articles that named it are derived again in the same
    /// transaction: each gets a new version, an <c>article.updated</c> and its counts moved.
    /// </summary>
    /// <param name="id">The entity.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="precondition">For a conditional delete (If-Match): checked inside the transaction, with the entity locked.</param>
    public async Task<EntityWriteResult> DeleteAsync(int id, CancellationToken ct, Func<CancellationToken, Task<bool>>? precondition = null)
    {
        var naming = await MentioningAsync([id], ct);
        EntityWriteResult result = null!;
        var batch = await writer.ReenrichAsync(naming, Reenrichment.Mentions, ct, touched: naming.ToHashSet(), edit: async token =>
        {
            result = await DeleteEntityAsync(id, precondition, token);
            return result.Errors.Count == 0 && !result.IsPreconditionFailed;
        });
        Wrote(batch);
        return result;
    }

    /// <summary>Adds spellings of an entity's name, all in one transaction (at most <see cref="MaxAliases"/>).</summary>
    /// <param name="id">The entity.</param>
    /// <param name="aliases">The spellings; known ones are ignored.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="precondition">For a conditional write (If-Match): checked inside the transaction, with the entity locked.</param>
    /// <param name="field">The request's name for the list, in errors.</param>
    public async Task<EntityWriteResult> AddAliasesAsync(int id, IReadOnlyList<string> aliases, CancellationToken ct, Func<CancellationToken, Task<bool>>? precondition = null, string field = "aliases")
    {
        var errors = ValidateAliases(aliases, field);
        if (errors.Count > 0)
        {
            return new EntityWriteResult(null, false, errors);
        }

        var affected = (await MentioningAsync([id], ct)).Union(await TextCandidatesAsync(aliases, ct)).ToList();
        EntityWriteResult result = null!;
        var batch = await writer.ReenrichAsync(affected, Reenrichment.Mentions, ct, edit: async token =>
        {
            result = await AddAliasesToEntityAsync(id, aliases, precondition, token);
            return result.Errors.Count == 0 && !result.IsPreconditionFailed;
        });
        Wrote(batch);
        return result;
    }

    /// <summary>
    /// Merges <paramref name="sourceIds"/> into <paramref name="targetId"/>: their names and aliases become
    /// aliases of the target, their mentions move to it (summed where an article names both), and they are deleted.
    /// </summary>
    /// <param name="targetId">The entity that remains.</param>
    /// <param name="sourceIds">The duplicates.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="precondition">For a conditional merge (If-Match on the target): checked inside the transaction, with all of them locked.</param>
    public async Task<EntityWriteResult> MergeAsync(int targetId, IReadOnlyList<int> sourceIds, CancellationToken ct, Func<CancellationToken, Task<bool>>? precondition = null)
    {
        if (sourceIds.Count == 0 || sourceIds.Count > MaxAliases)
        {
            return EntityWriteResult.Failed("ids", $"must list 1 to {MaxAliases} entities");
        }

        if (sourceIds.Contains(targetId))
        {
            return EntityWriteResult.Failed("ids", "must not contain the entity merged into");
        }

        var naming = await MentioningAsync(sourceIds, ct);
        EntityWriteResult result = null!;
        var batch = await writer.ReenrichAsync(naming, Reenrichment.Mentions, ct, touched: naming.ToHashSet(), edit: async token =>
        {
            result = await MergeEntitiesAsync(targetId, sourceIds, precondition, token);
            return result.Errors.Count == 0 && !result.IsPreconditionFailed;
        });
        Wrote(batch);
        return result;
    }

    private async Task<EntityWriteResult> UpsertEntityAsync(int? id, string name, EntityType type, IReadOnlyList<string> aliases, Func<CancellationToken, Task<bool>>? precondition, CancellationToken ct)
    {
        NamedEntity entity;
        var created = false;
        if (id is { } existingId)
        {
            if (await FailsAsync(precondition, [existingId], ct))
            {
                return EntityWriteResult.PreconditionFailed;
            }

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
            entity.Name = DisplayNames.Clean(name);
            entity.NormalizedName = key;
            entity.Type = type;
            entity.Aliases.RemoveAll(a => a.NormalizedName == key);
            // The old name stays an alias, so articles and searches that use it still find the entity.
            EntityCatalog.AddAliases(entity, [oldName]);
        }
        else
        {
            entity = (await catalog.ResolveAsync([new EntityMentionInput(name, type, [])], ct))[0];
            created = entity.Id == 0;
        }

        EntityCatalog.AddAliases(entity, aliases);
        await db.SaveChangesAsync(ct);
        return new EntityWriteResult(entity.Id, created, []);
    }

    private async Task<EntityWriteResult> ConfirmEntityAsync(int id, Func<CancellationToken, Task<bool>>? precondition, CancellationToken ct)
    {
        if (await FailsAsync(precondition, [id], ct))
        {
            return EntityWriteResult.PreconditionFailed;
        }

        var entity = await db.Entities.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null)
        {
            return EntityWriteResult.Failed("id", "no entity has this id");
        }

        entity.Status = EntityStatus.Confirmed;
        entity.Confidence = null;
        await db.SaveChangesAsync(ct);
        return new EntityWriteResult(id, false, []);
    }

    private async Task<EntityWriteResult> DeleteEntityAsync(int id, Func<CancellationToken, Task<bool>>? precondition, CancellationToken ct)
    {
        if (await FailsAsync(precondition, [id], ct))
        {
            return EntityWriteResult.PreconditionFailed;
        }

        var entity = await db.Entities.FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null)
        {
            return EntityWriteResult.Failed("id", "no entity has this id");
        }

        // The mentions go first: the articles loaded after this edit no longer name it, and their
        // signatures differ from the stored ones (touched), so each gets a new version.
        await db.ArticleEntities.Where(ae => ae.EntityId == id).ExecuteDeleteAsync(ct);
        db.Entities.Remove(entity);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return new EntityWriteResult(id, false, []);
    }

    private async Task<EntityWriteResult> AddAliasesToEntityAsync(int id, IReadOnlyList<string> aliases, Func<CancellationToken, Task<bool>>? precondition, CancellationToken ct)
    {
        if (await FailsAsync(precondition, [id], ct))
        {
            return EntityWriteResult.PreconditionFailed;
        }

        var entity = await db.Entities.Include(e => e.Aliases).FirstOrDefaultAsync(e => e.Id == id, ct);
        if (entity is null)
        {
            return EntityWriteResult.Failed("entityId", "no entity has this id");
        }

        EntityCatalog.AddAliases(entity, aliases);
        await db.SaveChangesAsync(ct);
        return new EntityWriteResult(entity.Id, false, []);
    }

    private async Task<EntityWriteResult> MergeEntitiesAsync(int targetId, IReadOnlyList<int> sourceIds, Func<CancellationToken, Task<bool>>? precondition, CancellationToken ct)
    {
        if (await FailsAsync(precondition, [targetId, .. sourceIds], ct))
        {
            return EntityWriteResult.PreconditionFailed;
        }

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
        db.ArticleEntities.RemoveRange(mentions);
        db.Entities.RemoveRange(sources);
        await db.SaveChangesAsync(ct);
        db.ArticleEntities.AddRange(mentions.GroupBy(m => m.ArticleId).Select(g => new ArticleEntity
        {
            ArticleId = g.Key,
            EntityId = targetId,
            PublishedAt = g.First().PublishedAt,
            Position = g.Min(m => m.Position),
            Mentions = g.Sum(m => m.Mentions),
            // What the publisher tagged stays the publisher's.
            Origin = g.Min(m => m.Origin),
        }));
        await db.SaveChangesAsync(ct);
        // The sources' rows are gone; the target's count is recounted here, and the relink that follows
        // moves it by deltas from this state.
        await catalog.RecountAsync([targetId], ct);
        db.ChangeTracker.Clear();
        return new EntityWriteResult(targetId, false, []);
    }

    /// <summary>The articles naming any of these entities.</summary>
    private Task<List<int>> MentioningAsync(IReadOnlyCollection<int> entityIds, CancellationToken ct) =>
        db.ArticleEntities.Where(ae => entityIds.Contains(ae.EntityId)).Select(ae => ae.ArticleId).Distinct().ToListAsync(ct);

    /// <summary>
    /// Articles whose indexed text holds every word of one of the spellings: a superset of those the
    /// matcher will link to it, so relinking them is enough.
    /// </summary>
    private async Task<List<int>> TextCandidatesAsync(IReadOnlyCollection<string> spellings, CancellationToken ct)
    {
        var query = spellings.Select(Text.SearchQuery.Parse).Where(q => !q.IsEmpty)
            .Aggregate((Text.SearchQuery?)null, (all, q) => all is null ? q : all.Or(q));
        return query is null ? [] : await search.Hits(query).Select(h => h.ArticleId).OrderByDescending(id => id).Take(MaxTextCandidates).ToListAsync(ct);
    }

    private void Wrote(WriteBatch batch) =>
        metrics.Wrote(Common.WritePaths.EntityEdit, Common.WriteOutcomes.Updated, batch.Changes.Count);

    /// <summary>
    /// Locks the entities against other conditional writes (PostgreSQL: advisory locks in id order; SQLite
    /// transactions already write one at a time), then evaluates the precondition. False when there is none.
    /// </summary>
    private async Task<bool> FailsAsync(Func<CancellationToken, Task<bool>>? precondition, IEnumerable<int> ids, CancellationToken ct)
    {
        if (precondition is null)
        {
            return false;
        }

        await db.Dialect.LockIdsAsync(db, EntityWriteLockClass, ids, ct);

        return !await precondition(ct);
    }

    private static Dictionary<string, string[]> Validate(string name, IReadOnlyList<string> aliases, string field = "name")
    {
        var errors = ValidateAliases(aliases, "aliases");
        void Add(string f, string message) => errors[f] = errors.TryGetValue(f, out var existing) ? [.. existing, message] : [message];
        ArticleRecordValidator.RequireName(name, field, Add);
        return errors;
    }

    private static Dictionary<string, string[]> ValidateAliases(IReadOnlyList<string> aliases, string field)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string f, string message) => errors[f] = errors.TryGetValue(f, out var existing) ? [.. existing, message] : [message];
        if (aliases.Count > MaxAliases)
        {
            // Refused whole, before anything is read or written.
            Add(field, $"must have at most {MaxAliases} items");
            return errors;
        }

        for (var i = 0; i < aliases.Count; i++)
        {
            ArticleRecordValidator.RequireName(aliases[i], aliases.Count == 1 && field == "alias" ? field : $"{field}[{i}]", Add);
        }

        return errors;
    }
}
