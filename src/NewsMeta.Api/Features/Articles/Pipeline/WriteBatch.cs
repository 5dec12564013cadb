using NewsMeta.Api.Common.Caching;
using NewsMeta.Api.Features.Ingestion;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Articles.Pipeline;

/// <summary>What a batch does: store records, delete an article, or derive again what stored articles say.</summary>
public enum WriteKind
{
    Upsert,
    Delete,
    Reenrich,

    /// <summary>Articles whose embargo has passed, released to readers like arrivals.</summary>
    Release,
}

/// <summary>What a re-enrichment recomputes for its articles.</summary>
[Flags]
public enum Reenrichment
{
    None = 0,

    /// <summary>Entity mentions, matched again with the current catalogue.</summary>
    Mentions = 1,

    /// <summary>Similar links (otherwise only for articles whose mentions changed).</summary>
    Similar = 2,

    /// <summary>Title lookup keys (<see cref="Article.NormalizedTitle"/>).</summary>
    TitleKeys = 4,
}

/// <summary>
/// The state one batch's steps share, from the first step to the commit: a fresh one per attempt (a
/// conflict retry starts over). Each step reads what earlier steps left and adds its own results.
/// </summary>
public sealed class WriteBatch
{
    public required WriteKind Kind { get; init; }

    /// <summary>The batch's clock reading: every changedAt it writes.</summary>
    public DateTime Now { get; set; }

    /// <summary>For a conditional write (If-Match): checked inside the transaction after the keys are locked.</summary>
    public Func<CancellationToken, Task<bool>>? Precondition { get; init; }

    /// <summary>Set by a step when nothing is left to do: the transaction is rolled back (it wrote nothing meant to stay).</summary>
    public bool Stopped { get; private set; }

    public void Stop() => Stopped = true;

    // ---- Upsert

    /// <summary>Validated records, no externalId twice.</summary>
    public IReadOnlyList<ArticleRecord> Records { get; init; } = [];

    /// <summary>One per record, in order; filled by classify (unchanged, rejected) and store (created, updated).</summary>
    public WriteOutcome?[] Outcomes { get; set; } = [];

    /// <summary>Stored articles of the records, by externalId; store adds the new ones.</summary>
    public Dictionary<string, Article> Existing { get; set; } = [];

    /// <summary>Records whose content changed, with their index and content hash.</summary>
    public List<(int Index, ArticleRecord Record, string Hash)> ToWrite { get; } = [];

    /// <summary>The catalogue rows and link targets the records name (resolve catalogue).</summary>
    public CatalogueLookups? Catalogue { get; set; }

    /// <summary>The entity matcher for the catalogue as resolved (after this batch's new entities).</summary>
    public EntityMatcher? Matcher { get; set; }

    /// <summary>The catalogue state <see cref="Matcher"/> was built from.</summary>
    public CatalogStamp? MatcherStamp { get; set; }

    /// <summary>The stored articles and the publisher-given parts built for them (store articles), until link mentions attaches them.</summary>
    public List<(Article Article, ArticleParts Parts)> Parts { get; } = [];

    /// <summary>Articles whose content this batch stored, with their parts loaded (untracked after store parts).</summary>
    public List<Article> Written { get; } = [];

    // ---- Delete

    /// <summary>The article to delete.</summary>
    public int DeleteId { get; init; }

    public DeleteStatus DeleteStatus { get; set; } = DeleteStatus.NotFound;

    /// <summary>The deleted article, once found.</summary>
    public (int Id, int SourceId, string ExternalId)? Deleted { get; set; }

    /// <summary>The deleted article was still under embargo: readers never saw it, so they are not told it went.</summary>
    public bool DeletedUnreleased { get; set; }

    /// <summary>Articles whose similar lists linked to the deleted one: refilled right after the commit.</summary>
    public List<int> Bereft { get; set; } = [];

    // ---- Re-enrichment

    /// <summary>The stored articles to derive again.</summary>
    public IReadOnlyCollection<int> ArticleIds { get; init; } = [];

    public Reenrichment What { get; init; }

    /// <summary>Articles that read differently whatever the derived parts say (an entity they name was renamed): a new version each.</summary>
    public IReadOnlySet<int> Touched { get; init; } = new HashSet<int>();

    /// <summary>
    /// A catalogue change to make under the articles' locks, before they are derived again (an entity
    /// rename, alias or merge); false when it was refused (nothing is written).
    /// </summary>
    public Func<CancellationToken, Task<bool>>? CatalogueEdit { get; init; }

    /// <summary>The re-enriched articles, tracked, their entities loaded.</summary>
    public List<Article> Loaded { get; } = [];

    /// <summary>Re-enriched articles whose derived parts changed (so they read differently).</summary>
    public HashSet<int> Rederived { get; } = [];

    // ---- Results every kind shares

    /// <summary>Articles whose stored documents show what this batch changes in others (found before it changed them).</summary>
    public List<int> Rerender { get; } = [];

    /// <summary>Every article change the batch made, in order: what the outbox sends.</summary>
    public List<Webhooks.ArticleEvent> Changes { get; } = [];

    /// <summary>Article counts of sources, keywords and entities to apply last.</summary>
    internal CatalogCountDeltas Counts { get; } = new();

    /// <summary>True once the batch changed anything readers see (cached responses must go).</summary>
    public bool ChangesStore { get; set; }

    /// <summary>The new cache generation, staged in the transaction; published to this instance after the commit.</summary>
    public CacheBump? CacheBump { get; set; }
}

/// <summary>The catalogue rows a batch's records name, resolved (created where new) before the articles are stored.</summary>
public sealed record CatalogueLookups(
    Dictionary<string, Sources.Source> Sources,
    Dictionary<string, Keywords.Keyword> Keywords,
    IReadOnlyList<NamedEntity> Entities,
    LinkTargets LinkTargets);

/// <summary>Stored articles that records' links point at, by externalId, by url, and by normalised title for links given by title alone.</summary>
public sealed record LinkTargets(Dictionary<string, int> ByExternalId, Dictionary<string, int> ByUrl, ILookup<string, TitleTarget> ByTitle)
{
    public static LinkTargets None { get; } = new([], [], Array.Empty<TitleTarget>().ToLookup(t => t.TitleKey));

    /// <summary>The stored article <paramref name="link"/> of <paramref name="from"/> points at, if any.</summary>
    public int? Find(LinkRecord link, Article from) =>
        link.ExternalId is not null ? ByExternalId.TryGetValue(link.ExternalId, out var id) ? id : null
        : link.Url is not null ? ByUrl.TryGetValue(link.Url, out var byUrl) ? byUrl : null
        : TitleTarget.KeyOf(link) is { } key ? TitleTarget.Best(ByTitle[key], from.Id, from.Source?.Id ?? from.SourceId, from.PublishedAt) : null;
}
