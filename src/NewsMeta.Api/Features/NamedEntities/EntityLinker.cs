using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Articles.Pipeline;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.NamedEntities;

/// <summary>
/// Finds the catalogue's entities in article text at ingest. The matcher (a trie over the normalised
/// words of every name and alias, <see cref="EntityMatcher"/>) is built once and shared by all
/// requests; a one-row query per write batch and search tells whether the catalogue changed since, so every
/// instance rebuilds after a change made anywhere.
/// </summary>
public sealed class EntityLinker(NewsDbContext db, EntityMatcherCache cache, ArticleWriter writer, Common.NewsMetaMetrics metrics, ILogger<EntityLinker> log)
{
    /// <summary>Articles per relink transaction.</summary>
    private const int RelinkBatch = 200;

    /// <summary>
    /// Counts the catalogue's entities in the title, summary and body of an article (saved, so it has
    /// its id) whose publisher entities are loaded: publisher-tagged ones get their mention count, the
    /// others are added after them as extracted, most mentioned first.
    /// </summary>
    public static void LinkMentions(Article article, EntityMatcher matcher)
    {
        // The caller records the catalogue state (Article.LinkedThroughEntityId/AliasId) with the article.
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
                PublishedAt = article.PublishedAt,
                EntityId = entityId,
                Mentions = tally.Mentions,
                MatchedAlias = tally.MatchedAlias,
            });
        }
    }

    /// <summary>
    /// Links every stored article again with the current catalogue (after entities or aliases were
    /// added, renamed or merged), in batches through the write pipeline's re-enrichment: an article whose
    /// entities changed gets a new version, an <c>article.updated</c> and its counts moved. Returns how
    /// many articles changed.
    /// </summary>
    public async Task<int> RelinkAllAsync(Action<int, int>? progress, CancellationToken ct)
    {
        var ids = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(ct);
        var changed = 0;
        var done = 0;
        foreach (var batch in ids.Chunk(RelinkBatch))
        {
            var result = await writer.ReenrichAsync(batch, Reenrichment.Mentions, ct);
            changed += result.Changes.Count;
            metrics.Wrote(Common.WritePaths.Relink, Common.WriteOutcomes.Updated, result.Changes.Count);
            metrics.Wrote(Common.WritePaths.Relink, Common.WriteOutcomes.Unchanged, batch.Length - result.Changes.Count);
            done += batch.Length;
            progress?.Invoke(done, ids.Count);
        }

        log.LogInformation("Relinked {Total} articles: {Changed} changed", ids.Count, changed);
        return changed;
    }

    /// <summary>
    /// The catalogue's state. Every catalogue change adds or deletes an entity or alias row (a rename
    /// keeps the old name as a new alias) or confirms a discovered entity, so counts and highest ids identify it.
    /// </summary>
    /// <remarks>
    /// One statement (a LINQ projection of the aggregates runs as several), one pass over each table: every
    /// search asks for it, and with a subquery per aggregate it read the entities three times (6 ms of
    /// PostgreSQL per search at 11,000 entities).
    /// </remarks>
    public async Task<CatalogStamp> StampAsync(CancellationToken ct)
    {
        var confirmed = nameof(EntityStatus.Confirmed);
        var row = await db.Database.SqlQuery<StampRow>($"""
            SELECT e."Entities", e."MaxEntityId", e."Confirmed", a."Aliases", a."MaxAliasId"
            FROM (SELECT count(*) AS "Entities", coalesce(max("Id"), 0) AS "MaxEntityId",
                         coalesce(sum(CASE WHEN "Status" = {confirmed} THEN 1 ELSE 0 END), 0) AS "Confirmed" FROM "Entities") AS e,
                 (SELECT count(*) AS "Aliases", coalesce(max("Id"), 0) AS "MaxAliasId" FROM "EntityAliases") AS a
            """).ToListAsync(ct);
        return row.Select(r => new CatalogStamp((int)r.Entities, r.MaxEntityId, (int)r.Aliases, r.MaxAliasId, (int)r.Confirmed)).Single();
    }

    private sealed class StampRow
    {
        public long Confirmed { get; init; }

        public long Entities { get; init; }

        public int MaxEntityId { get; init; }

        public long Aliases { get; init; }

        public int MaxAliasId { get; init; }
    }

    /// <summary>The matcher for a reader (search): <see cref="CheckedMatcherAsync"/> without the stamp.</summary>
    public async Task<EntityMatcher> CurrentMatcherAsync(CancellationToken ct) => (await CheckedMatcherAsync(ct)).Matcher;

    /// <summary>
    /// The matcher and a catalogue state to record with the articles it links, checked against
    /// <see cref="CatalogueVersion"/>: while the version is the one the last full check ran under, nothing the
    /// matcher reads has been saved since, and the full stamp (which counts every entity, a pass over both
    /// tables on every write batch) is not read again. The version is read before the stamp, so a matcher is
    /// never kept under a version older than the catalogue it was checked against. The stamp kept may be
    /// older than the catalogue by discovered entities (they do not move the version); its highest ids are
    /// then lower than the current ones, which only makes the incremental relink read such an article again
    /// (<see cref="CatalogueChangeRelinker"/>), never skip it. Inside a transaction that changed the
    /// catalogue the version read is that transaction's own new one, so the check runs in full.
    /// </summary>
    public async Task<(EntityMatcher Matcher, CatalogStamp Stamp)> CheckedMatcherAsync(CancellationToken ct)
    {
        var version = await CatalogueVersion.ReadAsync(db, ct);
        return await cache.CheckedAsync(version, () => StampedMatcherAsync(ct), ct);
    }

    /// <summary>The matcher and the catalogue state it was built from (what articles linked with it are linked through).</summary>
    public async Task<(EntityMatcher Matcher, CatalogStamp Stamp)> StampedMatcherAsync(CancellationToken ct)
    {
        var stamp = await StampAsync(ct);
        if (cache.TryGet(stamp) is { } current)
        {
            return (current, stamp);
        }

        // The confirmed catalogue only: a discovered entity is a guess, linked where discovery finds it with its
        // evidence (DiscoverEntitiesStep), never by its bare name. Matched everywhere, one wrong guess (an
        // adjective taken for a place) was linked in every article that used the word.
        var names = await db.Entities.AsNoTracking().Where(e => e.Status == EntityStatus.Confirmed).Select(e => new { e.Id, e.Name }).ToListAsync(ct);
        var aliases = await db.EntityAliases.AsNoTracking().Where(a => db.Entities.Any(e => e.Id == a.EntityId && e.Status == EntityStatus.Confirmed)).Select(a => new { a.EntityId, a.Name }).ToListAsync(ct);
        var matcher = EntityMatcher.Build(names.Select(n => (n.Id, n.Name)), aliases.Select(a => (a.EntityId, a.Name)));
        metrics.EntityMatcherBuilt();
        log.LogInformation("Entity matcher rebuilt: {Entities} entities, {Spellings} spellings", stamp.Entities, matcher.SpellingCount);
        cache.Set(stamp, matcher);
        return (matcher, stamp);
    }
}

public sealed partial record CatalogStamp(int Entities, int MaxEntityId, int Aliases, int MaxAliasId, int Confirmed)
{
    /// <summary>The catalogue before its first row: every entity and alias is a change after it.</summary>
    public static readonly CatalogStamp Empty = new(0, 0, 0, 0, 0);

    /// <summary>Reads a stamp back from its <see cref="ToString"/> form (as the relink job stores it); null when it is not one.</summary>
    public static CatalogStamp? Parse(string? text)
    {
        var fields = text is null ? [] : StampField().Matches(text).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
        // A stamp stored before confirmations counted reads as no confirmed entity: it differs from any
        // current stamp, so the job runs one (incremental) round from it.
        return fields.TryGetValue(nameof(Entities), out var entities) && fields.TryGetValue(nameof(MaxEntityId), out var maxEntityId)
            && fields.TryGetValue(nameof(Aliases), out var aliases) && fields.TryGetValue(nameof(MaxAliasId), out var maxAliasId)
            ? new CatalogStamp(entities, maxEntityId, aliases, maxAliasId, fields.GetValueOrDefault(nameof(Confirmed), -1))
            : null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(Entities|MaxEntityId|Aliases|MaxAliasId|Confirmed) = ([0-9]{1,10})\b")]
    private static partial System.Text.RegularExpressions.Regex StampField();
}

/// <summary>The last built matcher and the catalogue state it was built from (singleton; the matcher is immutable).</summary>
public sealed class EntityMatcherCache : IDisposable
{
    private Built? _current;

    public EntityMatcher? TryGet(CatalogStamp stamp) => Volatile.Read(ref _current) is { } c && c.Stamp == stamp ? c.Matcher : null;

    public void Set(CatalogStamp stamp, EntityMatcher matcher) => Volatile.Write(ref _current, new Built(stamp, matcher));

    private Checked? _checked;

    /// <summary>The matcher last checked against the catalogue under this <see cref="CatalogueVersion"/> value, and the stamp that check read.</summary>
    public (EntityMatcher Matcher, CatalogStamp Stamp)? TryGet(string catalogueVersion) =>
        Volatile.Read(ref _checked) is { } c && c.Version == catalogueVersion ? (c.Matcher, c.Stamp) : null;

    public void Set(string catalogueVersion, EntityMatcher matcher, CatalogStamp stamp) => Volatile.Write(ref _checked, new Checked(catalogueVersion, matcher, stamp));

    // One check at a time: after a catalogue change every concurrent search and write batch finds the new
    // version at once, and each counted the whole catalogue and built its own matcher from it. The check only
    // reads (it never waits on a lock a waiter could hold), so a writer waiting here inside its transaction
    // cannot deadlock with it.
    private readonly SemaphoreSlim _checking = new(1, 1);

    /// <summary>The matcher checked under <paramref name="catalogueVersion"/>: the one kept, else <paramref name="check"/>'s, run by one caller while the others wait for it.</summary>
    public async Task<(EntityMatcher Matcher, CatalogStamp Stamp)> CheckedAsync(string catalogueVersion, Func<Task<(EntityMatcher Matcher, CatalogStamp Stamp)>> check, CancellationToken ct)
    {
        if (TryGet(catalogueVersion) is { } kept)
        {
            return kept;
        }

        await _checking.WaitAsync(ct);
        try
        {
            if (TryGet(catalogueVersion) is { } checkedMeanwhile)
            {
                return checkedMeanwhile;
            }

            var result = await check();
            Set(catalogueVersion, result.Matcher, result.Stamp);
            return result;
        }
        finally
        {
            _checking.Release();
        }
    }

    /// <summary>The matcher last checked against the catalogue and the <see cref="CatalogueVersion"/> value it was checked under, unread since.</summary>
    public (string Version, EntityMatcher Matcher)? LastChecked => Volatile.Read(ref _checked) is { } c ? (c.Version, c.Matcher) : null;

    public void Dispose() => _checking.Dispose();

    private sealed record Built(CatalogStamp Stamp, EntityMatcher Matcher);

    private sealed record Checked(string Version, EntityMatcher Matcher, CatalogStamp Stamp);
}
