using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Articles.Pipeline;

namespace NewsMeta.Api.Features.NamedEntities;

/// <summary>What one incremental relink did: the articles it re-enriched, and how many of them changed.</summary>
public sealed record RelinkRound(int ChangedEntities, int Articles, int Changed);

/// <summary>
/// Relinks after catalogue changes, incrementally: only the articles that can read differently. Every
/// change that can link more text adds a confirmed entity's or alias's row (a new entity, a new alias, a
/// rename keeps the old name as an alias, a merge moves names as aliases), so the rows above the last
/// relinked highest ids name the changed entities. Their articles are the ones naming them, and those
/// whose indexed text holds every word of one of their spellings (set-based, through the search index);
/// they go through the write pipeline's re-enrichment in batches.
/// </summary>
public sealed class CatalogueChangeRelinker(NewsDbContext db, ArticleWriter writer, Search.SearchIndex search, Common.NewsMetaMetrics metrics, ILogger<CatalogueChangeRelinker> log)
{
    /// <summary>Changed entities whose spellings one search query looks up.</summary>
    private const int EntitiesPerQuery = 100;

    /// <summary>Articles per re-enrichment transaction.</summary>
    private const int ArticlesPerBatch = 200;

    /// <summary>Relinks the articles the entity and alias rows added after <paramref name="from"/> (up to <paramref name="to"/>) can change.</summary>
    public async Task<RelinkRound> RelinkAsync(CatalogStamp from, CatalogStamp to, Action<int, int>? progress, CancellationToken ct)
    {
        // Confirmed entities only: the matcher links nothing else, so discoveries and their aliases change no
        // other article (they are linked where discovery finds them, when it does).
        var confirmed = db.Entities.Where(e => e.Status == EntityStatus.Confirmed);
        var newEntities = await confirmed.Where(e => e.Id > from.MaxEntityId && e.Id <= to.MaxEntityId).Select(e => e.Id).ToListAsync(ct);
        var newAliases = await db.EntityAliases.Where(a => a.Id > from.MaxAliasId && a.Id <= to.MaxAliasId && confirmed.Any(e => e.Id == a.EntityId))
            .Select(a => new { a.Id, a.EntityId }).ToListAsync(ct);
        var changed = newEntities.Union(newAliases.Select(a => a.EntityId)).Order().ToList();
        var articles = new SortedSet<int>();
        foreach (var chunk in changed.Chunk(EntitiesPerQuery))
        {
            // An article matched with a catalogue that already held the chunk's rows is linked with them:
            // the write that stored it, or an edit's own relink, did it (a fresh import leaves nothing to do).
            // 0 when the chunk has no such row: no article is linked through less than nothing.
            var firstEntityRow = newEntities.Where(chunk.Contains).DefaultIfEmpty(0).Min();
            var firstAliasRow = newAliases.Where(a => chunk.Contains(a.EntityId)).Select(a => a.Id).DefaultIfEmpty(0).Min();
            var candidates = await ArticlesForAsync(chunk, ct);
            foreach (var part in candidates.Chunk(5000))
            {
                articles.UnionWith(await db.Articles.Where(a => part.Contains(a.Id)
                        && (a.LinkedThroughEntityId < firstEntityRow || a.LinkedThroughAliasId < firstAliasRow))
                    .Select(a => a.Id).ToListAsync(ct));
            }
        }

        var updated = 0;
        var done = 0;
        foreach (var batch in articles.Chunk(ArticlesPerBatch))
        {
            var result = await writer.ReenrichAsync(batch, Reenrichment.Mentions, ct);
            updated += result.Changes.Count;
            metrics.Wrote(Common.WritePaths.Relink, Common.WriteOutcomes.Updated, result.Changes.Count);
            metrics.Wrote(Common.WritePaths.Relink, Common.WriteOutcomes.Unchanged, batch.Length - result.Changes.Count);
            done += batch.Length;
            progress?.Invoke(done, articles.Count);
        }

        log.LogInformation("Catalogue changes relinked: {Entities} entities changed, {Articles} articles read again, {Changed} changed", changed.Count, articles.Count, updated);
        return new RelinkRound(changed.Count, articles.Count, updated);
    }

    /// <summary>The articles naming these entities, and those whose indexed text holds one of their spellings.</summary>
    private async Task<List<int>> ArticlesForAsync(int[] entityIds, CancellationToken ct)
    {
        var spellings = await db.Entities.Where(e => entityIds.Contains(e.Id)).Select(e => e.Name)
            .Concat(db.EntityAliases.Where(a => entityIds.Contains(a.EntityId)).Select(a => a.Name))
            .ToListAsync(ct);
        var naming = await db.ArticleEntities.Where(ae => entityIds.Contains(ae.EntityId)).Select(ae => ae.ArticleId).Distinct().ToListAsync(ct);
        var query = spellings.Distinct().Select(NewsMeta.Text.SearchQuery.Parse).Where(q => !q.IsEmpty)
            .Aggregate((NewsMeta.Text.SearchQuery?)null, (all, q) => all is null ? q : all.Or(q));
        var holding = query is null ? [] : await search.Hits(query).Select(h => h.ArticleId).Distinct().ToListAsync(ct);
        return [.. naming.Union(holding)];
    }
}
