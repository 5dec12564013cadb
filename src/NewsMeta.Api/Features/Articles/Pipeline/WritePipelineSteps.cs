using NewsMeta.Api.Features.Articles.Pipeline.Steps;

namespace NewsMeta.Api.Features.Articles.Pipeline;

/// <summary>
/// THE order of every write to articles, read top to bottom. Each entry is one small class with one job
/// (Steps/); each runs inside the batch's one transaction and shares its <see cref="WriteBatch"/>. A new
/// side effect is a new step class and one line here, in each list it belongs to.
/// <para>
/// Lock order, the same in every list so concurrent writers cannot deadlock on PostgreSQL: externalId
/// locks first, then the similar-list locks (inside the similar step, or before a delete removes rows),
/// then row locks, the shared count rows and the generation row last, held only until the commit.
/// </para>
/// </summary>
public static class WritePipelineSteps
{
    /// <summary>REST PUT (grouped or not), GraphQL upsert, NDJSON import, page import.</summary>
    public static readonly IReadOnlyList<Type> Upsert =
    [
        typeof(LockExternalIdsStep),      // writers of the same externalIds take turns
        typeof(PreconditionStep),         // If-Match, under those locks
        typeof(ClassifyStep),             // unchanged / url clash / to write
        typeof(RemoveReplacedPartsStep),  // the stored versions stop counting; their publisher parts go
        typeof(ResolveCatalogueStep),     // sources, keywords, entities (new ones created), link targets, matcher
        typeof(StoreArticlesStep),        // the article rows: ids, versions, changedAt
        typeof(LinkMentionsStep),         // publisher parts attached; entities found in the text
        typeof(DiscoverEntitiesStep),     // names the catalogue does not know: discovered entities, linked
        typeof(StorePartsStep),           // credits, keywords, entities, links: one bulk statement per table
        typeof(StoreFurnitureStep),       // bylines (person entities), media, sections
        typeof(ResolvePendingLinksStep),  // earlier links waiting for these articles point at them
        typeof(SearchIndexStep),          // before keyphrases: the articles' terms count in document frequencies
        typeof(KeyphrasesStep),           // keywords extracted where the publisher gave too few
        typeof(SimilarLinksStep),         // uses the keywords above
        typeof(StoreDocumentsStep),       // the read model, after everything an article shows; before the shared rows
        typeof(WebhookOutboxStep),        // a delivery per change, stored with it
        typeof(TombstonesStep),
        typeof(CountsStep),               // shared rows: late
        typeof(CacheGenerationStep),      // the one row every writer updates: last
    ];

    /// <summary>REST DELETE, GraphQL deleteArticle. The similar lists that linked to it are refilled after the commit (<see cref="Reenrich"/>).</summary>
    public static readonly IReadOnlyList<Type> Delete =
    [
        typeof(FindDeletedStep),
        typeof(LockExternalIdsStep),
        typeof(PreconditionStep),
        typeof(LockSimilarListsStep),     // the similar turns a write of those lists would take, before any row lock
        typeof(FindLinkersStep),          // articles whose documents show it
        typeof(RemoveDeletedStep),        // stops counting; computed links to it and the row go (its parts and document cascade)
        typeof(SearchIndexStep),
        typeof(StoreDocumentsStep),       // its linkers' documents
        typeof(WebhookOutboxStep),
        typeof(TombstonesStep),
        typeof(CountsStep),
        typeof(CacheGenerationStep),
    ];

    /// <summary>
    /// Entity rename, alias and merge (the edit itself runs under the articles' locks), the relink job,
    /// the backfills and the refill of similar lists after a delete: what stored articles say is derived
    /// again; an article that reads differently gets a new version and an <c>article.updated</c>.
    /// </summary>
    public static readonly IReadOnlyList<Type> Reenrich =
    [
        typeof(LockExternalIdsStep),
        typeof(CatalogueEditStep),        // the caller's catalogue change, if any
        typeof(LoadArticlesStep),
        typeof(TitleKeysStep),
        typeof(RelinkMentionsStep),
        typeof(SimilarLinksStep),         // asked for, or where mentions changed
        typeof(BumpVersionsStep),         // what reads differently: new version, changedAt
        typeof(StoreDocumentsStep),
        typeof(WebhookOutboxStep),
        typeof(CountsStep),
        typeof(CacheGenerationStep),
    ];

    /// <summary>
    /// The embargo release job (<see cref="EmbargoReleaseJob"/>): articles whose embargo has passed reach
    /// readers as arrivals do, announced as <c>created</c>.
    /// </summary>
    public static readonly IReadOnlyList<Type> Release =
    [
        typeof(LockExternalIdsStep),
        typeof(ReleaseEmbargoedStep),     // still due under the locks: released, changedAt now, article.created
        typeof(ResolvePendingLinksStep),  // links waiting for them point at them now
        typeof(SimilarLinksStep),         // their lists, and offered to their candidates
        typeof(StoreDocumentsStep),       // their changedAt, and the documents of the articles now linking to them
        typeof(WebhookOutboxStep),
        typeof(CountsStep),               // they count from now on
        typeof(CacheGenerationStep),
    ];
}
