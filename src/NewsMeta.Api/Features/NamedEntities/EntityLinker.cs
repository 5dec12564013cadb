using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.NamedEntities;

/// <summary>
/// Finds the catalogue's entities in article text at ingest. The matcher (a trie over the normalised
/// words of every name and alias, <see cref="EntityMatcher"/>) is built once and shared by all
/// requests; a one-row query per write batch tells whether the catalogue changed since, so every
/// instance rebuilds after a change made anywhere.
/// </summary>
public sealed class EntityLinker(NewsDbContext db, EntityMatcherCache cache, ILogger<EntityLinker> log)
{
    public async Task<EntityMatcher> MatcherAsync(CancellationToken ct)
    {
        // Every catalogue change adds or deletes an entity or alias row (a rename keeps the old name as a
        // new alias), so counts and highest ids identify a catalogue state.
        var stamp = await db.Entities.Select(_ => new CatalogStamp(
                db.Entities.Count(), db.Entities.Max(e => e.Id), db.EntityAliases.Count(), db.EntityAliases.Max(a => (int?)a.Id) ?? 0))
            .FirstOrDefaultAsync(ct) ?? new CatalogStamp(0, 0, 0, 0);
        if (cache.TryGet(stamp) is { } current)
        {
            return current;
        }

        var names = await db.Entities.AsNoTracking().Select(e => new { e.Id, e.Name }).ToListAsync(ct);
        var aliases = await db.EntityAliases.AsNoTracking().Select(a => new { a.EntityId, a.Name }).ToListAsync(ct);
        var matcher = EntityMatcher.Build(names.Select(n => (n.Id, n.Name)).Concat(aliases.Select(a => (a.EntityId, a.Name))));
        log.LogInformation("Entity matcher rebuilt: {Entities} entities, {Spellings} spellings", stamp.Entities, matcher.SpellingCount);
        cache.Set(stamp, matcher);
        return matcher;
    }
}

public sealed record CatalogStamp(int Entities, int MaxEntityId, int Aliases, int MaxAliasId);

/// <summary>The last built matcher and the catalogue state it was built from (singleton; the matcher is immutable).</summary>
public sealed class EntityMatcherCache
{
    private Built? _current;

    public EntityMatcher? TryGet(CatalogStamp stamp) => Volatile.Read(ref _current) is { } c && c.Stamp == stamp ? c.Matcher : null;

    public void Set(CatalogStamp stamp, EntityMatcher matcher) => Volatile.Write(ref _current, new Built(stamp, matcher));

    private sealed record Built(CatalogStamp Stamp, EntityMatcher Matcher);
}
