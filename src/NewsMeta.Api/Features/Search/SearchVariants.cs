using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Search;

/// <summary>
/// Lets a search find an entity under any of its spellings: when the query names a catalogue entity
/// (by its name or an alias, found with the same matcher that links articles), the query is also run
/// with that name written each other way the catalogue knows — a transliteration no character rule
/// could merge. Costs the matcher's one-row freshness check (<see cref="EntityLinker.CurrentMatcherAsync"/>), plus one
/// query when an entity is named; REST search skips the check for a query the last checked matcher finds
/// no entity in (<see cref="VersionNamingNothing"/>).
/// </summary>
public sealed class SearchVariants(EntityLinker linker, EntityMatcherCache cache, NewsDbContext db)
{
    /// <summary>At most this many entities of one query are expanded, and this many branches made in all.</summary>
    private const int MaxEntities = 3;

    private const int MaxBranches = 16;

    /// <summary>
    /// The catalogue version under which <paramref name="text"/> names no entity, by the matcher last checked
    /// and without reading anything; null when it names one, or no matcher has been checked yet. A search
    /// that reads the version in its own statement and finds this one needed no expansion, and so no
    /// separate freshness check (<see cref="StoredSearch"/>); one that finds another expands and runs again.
    /// </summary>
    public string? VersionNamingNothing(string text) =>
        cache.LastChecked is { } last && last.Matcher.Match(text).Count == 0 ? last.Version : null;

    public async Task<SearchQuery> ExpandAsync(string text, SearchQuery query, CancellationToken ct)
    {
        var matcher = await linker.CurrentMatcherAsync(ct);
        var mentions = matcher.Match(text).DistinctBy(m => m.EntityId).Take(MaxEntities).ToList();
        if (mentions.Count == 0)
        {
            return query;
        }

        var ids = mentions.Select(m => m.EntityId).ToList();
        var names = await db.Entities.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Name }).ToListAsync(ct);
        var aliases = await db.EntityAliases.AsNoTracking().Where(a => ids.Contains(a.EntityId)).OrderBy(a => a.Id).Select(a => new { a.EntityId, a.Name }).ToListAsync(ct);
        var spellings = names.Select(n => (EntityId: n.Id, n.Name)).Concat(aliases.Select(a => (a.EntityId, a.Name))).ToLookup(s => s.EntityId, s => s.Name);
        foreach (var mention in mentions)
        {
            foreach (var spelling in spellings[mention.EntityId])
            {
                if (query.Branches.Count >= MaxBranches)
                {
                    return query;
                }

                var rewritten = string.Concat(text.AsSpan(0, mention.Start), spelling, text.AsSpan(mention.Start + mention.Length));
                query = query.Or(SearchQuery.Parse(rewritten));
            }
        }

        return query;
    }
}
