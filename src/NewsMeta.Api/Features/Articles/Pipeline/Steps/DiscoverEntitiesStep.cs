using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Text;
using NewsMeta.Text.Discovery;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// Finds the people, organisations and places each written article names that the catalogue does not
/// link yet (<see cref="EntityDiscoverer"/>), and links them: a known entity of the type with that name or
/// alias is reused (a confirmed one first), otherwise a discovered entity is created with the
/// discoverer's confidence. The short forms the text uses become aliases of discovered entities (the
/// curated catalogue is not changed by a guess). A discovery met again in another article gains confidence.
/// </summary>
public sealed class DiscoverEntitiesStep(NewsDbContext db) : IWriteStep
{
    /// <summary>Most discoveries one article adds, the surest first.</summary>
    public const int MaxPerArticle = 25;

    /// <summary>Batches from this size are read in parallel.</summary>
    private const int ParallelFrom = 16;

    public string Name => WriteSteps.DiscoverEntities;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        // Reading text is CPU work over the articles alone (the database waits): an import batch reads its
        // articles on every core. A few articles are read on this thread.
        var read = batch.Written.Count >= ParallelFrom
            ? batch.Written.AsParallel().AsOrdered().WithCancellation(ct).Select(article => (article, Discovered: Discover(article, ct))).ToList()
            : [.. batch.Written.Select(article => (article, Discovered: Discover(article, ct)))];
        var found = read.Where(f => f.Discovered.Count > 0).ToList();
        if (found.Count == 0)
        {
            return;
        }

        var known = await KnownAsync(found.SelectMany(f => f.Discovered).SelectMany(Spellings).Distinct().ToList(), ct);
        var linkedNames = await LinkedNamesAsync(found.Select(f => f.article), ct);
        var links = new List<(Article Article, DiscoveredEntity Discovery, NamedEntity Entity)>();
        foreach (var (article, discovered) in found)
        {
            var linked = article.Entities.Select(e => e.Entity?.Id ?? e.EntityId).ToHashSet();
            var seen = new HashSet<NamedEntity>();
            foreach (var discovery in discovered)
            {
                if (ShortFormOfLinked(discovery, linked.Select(id => linkedNames.GetValueOrDefault(id)).OfType<string>()))
                {
                    continue;
                }

                var existing = Find(known, discovery);
                var entity = existing ?? Create(known, discovery);
                if (!seen.Add(entity))
                {
                    continue;
                }

                if (entity.Status == EntityStatus.Discovered)
                {
                    // A discovery met in one more article (the catalogue's matcher may have linked it already):
                    // its odds of being a name of this type rise. A stored row is raised with the counts, under
                    // their ordered locks; one created by this batch is still only in memory.
                    if (existing is { Id: > 0 })
                    {
                        batch.Counts.RaiseConfidence(existing.Id, discovery.Confidence);
                    }
                    else if (existing is not null)
                    {
                        entity.Confidence = Math.Round(1 - ((1 - (entity.Confidence ?? 0)) * (1 - (discovery.Confidence / 2))), 4);
                    }

                    EntityCatalog.AddAliases(entity, discovery.Aliases);
                }

                if (entity.Id == 0 || !linked.Contains(entity.Id))
                {
                    links.Add((article, discovery, entity));
                }
            }
        }

        await db.SaveChangesAsync(ct);
        foreach (var (article, discovery, entity) in links)
        {
            article.Entities.Add(new ArticleEntity
            {
                ArticleId = article.Id,
                EntityId = entity.Id,
                PublishedAt = article.PublishedAt,
                Position = article.Entities.Count,
                Mentions = discovery.Mentions.Count,
                // Extracted even when a publisher tag gave the name: the publisher gave it as a keyword (which
                // stays), not as an entity, and the export must give back the record as it was written.
                Origin = Origin.Extracted,
            });
        }
    }

    private static List<DiscoveredEntity> Discover(Article article, CancellationToken ct)
    {
        var tags = article.Keywords.Where(k => k.Origin == Origin.Publisher && k.Keyword is not null).Select(k => k.Keyword.Name).ToList();
        return [.. EntityDiscoverer.Default.Discover(new DiscoveryInput(article.Title, article.Summary, article.Body, tags), ct)
            .OrderByDescending(d => d.Confidence).Take(MaxPerArticle)];
    }

    /// <summary>
    /// A discovery whose words sit inside the name of an entity the article already names ("الفجر" where the
    /// article names "ميناء الفجر") is that entity's short form, not another entity.
    /// </summary>
    private static bool ShortFormOfLinked(DiscoveredEntity discovery, IEnumerable<string> linkedNames)
    {
        var name = ArabicNormalizer.Normalize(discovery.Name);
        return name.Length > 0 && linkedNames.Any(n => n.Length > name.Length && $" {n} ".Contains($" {name} ", StringComparison.Ordinal));
    }

    /// <summary>The normalised names of the entities the articles already name (publisher-tagged or matched), by id.</summary>
    private async Task<Dictionary<int, string>> LinkedNamesAsync(IEnumerable<Article> articles, CancellationToken ct)
    {
        var mentions = articles.SelectMany(a => a.Entities).ToList();
        var names = mentions.Where(e => e.Entity is not null).GroupBy(e => e.Entity.Id).ToDictionary(g => g.Key, g => g.First().Entity.NormalizedName);
        var missing = mentions.Where(e => e.Entity is null).Select(e => e.EntityId).Where(id => !names.ContainsKey(id)).Distinct().ToList();
        foreach (var row in missing.Count == 0 ? [] : await db.Entities.AsNoTracking().Where(e => missing.Contains(e.Id)).Select(e => new { e.Id, e.NormalizedName }).ToListAsync(ct))
        {
            names[row.Id] = row.NormalizedName;
        }

        return names;
    }

    private static IEnumerable<string> Spellings(DiscoveredEntity discovery) =>
        discovery.Aliases.Prepend(discovery.Name).Select(ArabicNormalizer.Normalize).Where(k => k.Length > 0);

    /// <summary>The stored entities named or aliased by any of these normalised spellings, tracked, with their aliases.</summary>
    private async Task<List<NamedEntity>> KnownAsync(List<string> keys, CancellationToken ct) =>
        await db.Entities.Include(e => e.Aliases)
            .Where(e => keys.Contains(e.NormalizedName) || e.Aliases.Any(a => keys.Contains(a.NormalizedName)))
            .ToListAsync(ct);

    /// <summary>A known entity of the type by the discovery's name, then by its alias; the confirmed catalogue first.</summary>
    private static NamedEntity? Find(List<NamedEntity> known, DiscoveredEntity discovery)
    {
        var type = TypeOf(discovery);
        var name = ArabicNormalizer.Normalize(discovery.Name);
        bool Named(NamedEntity e, string key) => e.NormalizedName == key || e.Aliases.Any(a => a.NormalizedName == key);
        var ofType = known.Where(e => e.Type == type).OrderBy(e => e.Status).ToList();
        return ofType.FirstOrDefault(e => Named(e, name))
            ?? ofType.FirstOrDefault(e => discovery.Aliases.Select(ArabicNormalizer.Normalize).Any(key => key.Length > 0 && Named(e, key)));
    }

    private NamedEntity Create(List<NamedEntity> known, DiscoveredEntity discovery)
    {
        var entity = new NamedEntity
        {
            Name = DisplayNames.Clean(discovery.Name),
            NormalizedName = ArabicNormalizer.Normalize(discovery.Name),
            Type = TypeOf(discovery),
            Status = EntityStatus.Discovered,
            Confidence = discovery.Confidence,
        };
        db.Entities.Add(entity);
        known.Add(entity);
        return entity;
    }

    private static EntityType TypeOf(DiscoveredEntity discovery) => discovery.Type switch
    {
        DiscoveredType.Person => EntityType.Person,
        DiscoveredType.Organization => EntityType.Organization,
        _ => EntityType.Location,
    };
}
