using System.ComponentModel.DataAnnotations;

namespace NewsMeta.Api.GraphQL;

/// <summary>Limits of the GraphQL endpoint (configuration section "GraphQL").</summary>
public sealed class GraphQLOptions
{
    public const string Section = "GraphQL";

    /// <summary>
    /// Deepest selection of data fields allowed (the nested page of the frontends is 6 deep). Introspection
    /// (<c>__schema</c>, <c>__type</c>) is not counted: the standard introspection query is 14 levels deep by
    /// construction, and its cost and field count bound it instead.
    /// </summary>
    [Range(1, 100)]
    public int MaxDepth { get; set; } = 12;

    /// <summary>
    /// Highest cost allowed. Cost counts every field once per object it can return: connections
    /// multiply their children by their page size (first/last, default 20), other lists by 5. The
    /// frontends' richest page (100 articles with source, credits, keywords, entities with aliases,
    /// links with targets) costs about 27,000; a list of 100 entities each with 100 articles costs
    /// over 100,000 and is refused.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MaxComplexity { get; set; } = 50_000;

    /// <summary>Execution time limit per operation; a query running longer ends with a TIMEOUT error.</summary>
    [Range(typeof(TimeSpan), "00:00:00.0000001", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most operations in one batched (JSON array) request.</summary>
    [Range(1, 100)]
    public int MaxBatchSize { get; set; } = 10;

    /// <summary>
    /// Whether query lists of objects are completed in one pass over their selection (default) rather than one
    /// execution node per field of every item. Both give the same answer; off is there to compare them.
    /// </summary>
    public bool ProjectLists { get; set; } = true;

    /// <summary>Longest query text accepted, in characters.</summary>
    [Range(100, 1_000_000)]
    public int MaxQueryLength { get; set; } = 20_000;

    /// <summary>
    /// max-age of GET query responses. 0 (default): caches store them but revalidate each time with the
    /// ETag, so no one sees a stale answer after a write.
    /// </summary>
    [Range(0, 86_400)]
    public int GetMaxAgeSeconds { get; set; }

    /// <summary>Most aliased fields in one operation, fragments spread out (the clients use none; one alias per copy is how answers get multiplied).</summary>
    [Range(0, 10_000)]
    public int MaxAliases { get; set; } = 30;

    /// <summary>Most fields in one operation, fragments spread out (GraphiQL's introspection query has about 230; the frontends' richest page about 30).</summary>
    [Range(1, 100_000)]
    public int MaxFields { get; set; } = 500;

    /// <summary>
    /// Whether <c>__schema</c> and <c>__type</c> are answered (<c>__typename</c> always is). Unset: on in
    /// Development, off elsewhere; the committed schema.graphql (also at /graphql/schema.graphql) is the
    /// schema for clients and code generators.
    /// </summary>
    public bool? Introspection { get; set; }

    /// <summary>Most automatic persisted queries kept; past it the least recently used go.</summary>
    [Range(1, 10_000_000)]
    public int PersistedQueriesMaxCount { get; set; } = 5_000;

    /// <summary>Most characters of persisted query text kept in all; past it the least recently used go.</summary>
    [Range(1, long.MaxValue)]
    public long PersistedQueriesMaxLength { get; set; } = 5_000_000;

    /// <summary>Rate-limit permits a new persisted-query registration takes on top of its request and its cost.</summary>
    [Range(0, 100_000)]
    public int PersistedQueryRegistrationPermits { get; set; } = 10;
}
