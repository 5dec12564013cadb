using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.NamedEntities;

/// <summary>
/// Finds the catalogue's entities in article text at ingest. The matcher (a trie over the normalised
/// words of every name and alias, <see cref="EntityMatcher"/>) is built once and shared by all
/// requests; a one-row query per write batch tells whether the catalogue changed since, so every
/// instance rebuilds after a change made anywhere.
/// </summary>
public sealed class EntityLinker(NewsDbContext db, EntityMatcherCache cache, TimeProvider clock, Common.Caching.ICacheInvalidator responses, Webhooks.WebhookOutbox webhooks, Common.NewsMetaMetrics metrics, ILogger<EntityLinker> log)
{
    /// <summary>
    /// Counts the catalogue's entities in the title, summary and body of an article (saved, so it has
    /// its id) whose publisher entities are loaded: publisher-tagged ones get their mention count, the
    /// others are added after them as extracted, most mentioned first.
    /// </summary>
    public static void LinkMentions(Article article, EntityMatcher matcher)
    {
        var tallies = matcher.Tally($"{article.Title}\n{article.Summary}\n{article.Body}");
        foreach (var tagged in article.Entities.Where(e => e.Origin == Origin.Publisher))
        {
            var tally = tallies.GetValueOrDefault(tagged.Entity?.Id ?? tagged.EntityId);
            tagged.Mentions = tally.Mentions;
            tagged.MatchedAlias = tally.MatchedAlias;
        }

        var publisherTagged = article.Entities.Select(e => e.Entity?.Id ?? e.EntityId).ToHashSet();
        var position = article.Entities.Count;
        foreach (var (entityId, tally) in tallies.Where(c => !publisherTagged.Contains(c.Key)).OrderByDescending(c => c.Value.Mentions).ThenBy(c => c.Key))
        {
            article.Entities.Add(new ArticleEntity
            {
                ArticleId = article.Id,
                Position = position++,
                Origin = Origin.Extracted,
                EntityId = entityId,
                Mentions = tally.Mentions,
                MatchedAlias = tally.MatchedAlias,
            });
        }
    }

    /// <summary>
    /// Links every stored article again with the current catalogue (after entities or aliases were
    /// added, renamed or merged), in batches; an article whose entities changed gets a new version.
    /// Returns how many articles changed.
    /// </summary>
    public async Task<int> RelinkAllAsync(Action<int, int>? progress, CancellationToken ct)
    {
        var matcher = await MatcherAsync(ct);
        var ids = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        var changed = 0;
        var done = 0;
        foreach (var batch in ids.Chunk(200))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var articles = await db.Articles.Include(a => a.Entities).Where(a => batch.Contains(a.Id)).ToListAsync(ct);
            var updated = new List<Webhooks.ArticleEvent>();
            foreach (var article in articles)
            {
                var before = Signature(article);
                db.ArticleEntities.RemoveRange(article.Entities.Where(e => e.Origin == Origin.Extracted));
                article.Entities.RemoveAll(e => e.Origin == Origin.Extracted);
                LinkMentions(article, matcher);
                if (Signature(article) != before)
                {
                    article.ChangedAt = clock.GetUtcNow().UtcDateTime;
                    article.Version++;
                    changed++;
                    updated.Add(new(Webhooks.WebhookEvents.Updated, article.Id, article.ExternalId));
                }
            }

            await db.SaveChangesAsync(ct);
            await webhooks.EnqueueAsync(updated, ct);
            await tx.CommitAsync(ct);
            metrics.Wrote(Common.WritePaths.Relink, Common.WriteOutcomes.Updated, updated.Count);
            metrics.Wrote(Common.WritePaths.Relink, Common.WriteOutcomes.Unchanged, articles.Count - updated.Count);
            db.ChangeTracker.Clear();
            done += batch.Length;
            progress?.Invoke(done, ids.Count);
        }

        await db.Entities.ExecuteUpdateAsync(set => set.SetProperty(e => e.ArticleCount, e => db.ArticleEntities.Count(ae => ae.EntityId == e.Id)), ct);
        await responses.InvalidateAsync(ct);
        log.LogInformation("Relinked {Total} articles: {Changed} changed", ids.Count, changed);
        return changed;
    }

    private static string Signature(Article article) =>
        string.Join(';', article.Entities.OrderBy(e => e.EntityId).Select(e => $"{e.EntityId}:{e.Mentions}:{e.Origin}:{e.MatchedAlias}"));

    /// <summary>
    /// The catalogue's state. Every catalogue change adds or deletes an entity or alias row (a rename
    /// keeps the old name as a new alias), so counts and highest ids identify it.
    /// </summary>
    /// <remarks>One statement (a LINQ projection of the four aggregates runs as three).</remarks>
    public async Task<CatalogStamp> StampAsync(CancellationToken ct)
    {
        var row = await db.Database.SqlQuery<StampRow>($"""
            SELECT (SELECT count(*) FROM "Entities") AS "Entities", (SELECT coalesce(max("Id"), 0) FROM "Entities") AS "MaxEntityId",
                   (SELECT count(*) FROM "EntityAliases") AS "Aliases", (SELECT coalesce(max("Id"), 0) FROM "EntityAliases") AS "MaxAliasId"
            """).ToListAsync(ct);
        return row.Select(r => new CatalogStamp((int)r.Entities, r.MaxEntityId, (int)r.Aliases, r.MaxAliasId)).Single();
    }

    private sealed class StampRow
    {
        public long Entities { get; init; }

        public int MaxEntityId { get; init; }

        public long Aliases { get; init; }

        public int MaxAliasId { get; init; }
    }

    public async Task<EntityMatcher> MatcherAsync(CancellationToken ct)
    {
        var stamp = await StampAsync(ct);
        if (cache.TryGet(stamp) is { } current)
        {
            return current;
        }

        var names = await db.Entities.AsNoTracking().Select(e => new { e.Id, e.Name }).ToListAsync(ct);
        var aliases = await db.EntityAliases.AsNoTracking().Select(a => new { a.EntityId, a.Name }).ToListAsync(ct);
        var matcher = EntityMatcher.Build(names.Select(n => (n.Id, n.Name)), aliases.Select(a => (a.EntityId, a.Name)));
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
