using NewsMeta.Api.Features.Articles;

namespace NewsMeta.Api.Common;

/// <summary>Values of newsmeta.write.path: where a change to an article entered. A fixed, small set, so dashboards can rely on it.</summary>
public static class WritePaths
{
    public const string Rest = "rest";
    public const string GraphQL = "graphql";
    public const string Import = "import";
    public const string PageImport = "page-import";
    public const string EntityEdit = "entity-edit";
    public const string Relink = "relink";
}

/// <summary>Values of newsmeta.write.outcome.</summary>
public static class WriteOutcomes
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Unchanged = "unchanged";
    public const string Deleted = "deleted";

    /// <summary>The record clashes with stored data (its url belongs to another article): a 409.</summary>
    public const string Conflict = "conflict";

    /// <summary>If-Match / If-None-Match did not hold: a 412.</summary>
    public const string PreconditionFailed = "precondition_failed";

    /// <summary>The write threw (database away, say): the caller got a 503 or 500.</summary>
    public const string Failed = "failed";

    public static string Of(WriteStatus status) => status switch
    {
        WriteStatus.Created => Created,
        WriteStatus.Updated => Updated,
        WriteStatus.Unchanged => Unchanged,
        WriteStatus.Rejected => Conflict,
        WriteStatus.PreconditionFailed => PreconditionFailed,
        _ => Failed,
    };
}

/// <summary>
/// Values of newsmeta.write.step: the steps of the write pipeline (Features/Articles/Pipeline/WritePipelineSteps),
/// each timed for every batch it runs in.
/// </summary>
public static class WriteSteps
{
    public const string LockKeys = "lock-keys";
    public const string Precondition = "precondition";
    public const string Classify = "classify";
    public const string RemoveReplaced = "remove-replaced";
    public const string ResolveCatalogue = "resolve-catalogue";
    public const string StoreArticles = "store-articles";
    public const string LinkMentions = "link-mentions";
    public const string DiscoverEntities = "discover-entities";
    public const string StoreParts = "store-parts";
    public const string StoreFurniture = "store-furniture";
    public const string PendingLinks = "pending-links";
    public const string SearchIndex = "search-index";
    public const string Keyphrases = "keyphrases";
    public const string SimilarLinks = "similar-links";
    public const string WebhookOutbox = "webhook-outbox";
    public const string Tombstones = "tombstones";
    public const string Counts = "counts";
    public const string CacheGeneration = "cache-generation";
    public const string FindDeleted = "find-deleted";
    public const string LockSimilarLists = "lock-similar-lists";
    public const string RemoveDeleted = "remove-deleted";
    public const string CatalogueEdit = "catalogue-edit";
    public const string LoadArticles = "load-articles";
    public const string TitleKeys = "title-keys";
    public const string RelinkMentions = "relink-mentions";
    public const string BumpVersions = "bump-versions";
    public const string FindLinkers = "find-linkers";
    public const string StoreDocuments = "store-documents";
    public const string ReleaseEmbargoed = "release-embargoed";
}
