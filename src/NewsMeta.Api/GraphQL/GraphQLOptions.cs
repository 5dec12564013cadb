using System.ComponentModel.DataAnnotations;

namespace NewsMeta.Api.GraphQL;

/// <summary>Limits of the GraphQL endpoint (configuration section "GraphQL").</summary>
public sealed class GraphQLOptions
{
    public const string Section = "GraphQL";

    /// <summary>Deepest selection allowed (the nested page of the frontends is 6 deep).</summary>
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

    /// <summary>Longest query text accepted, in characters.</summary>
    [Range(100, 1_000_000)]
    public int MaxQueryLength { get; set; } = 20_000;

    /// <summary>
    /// max-age of GET query responses. 0 (default): caches store them but revalidate each time with the
    /// ETag, so no one sees a stale answer after a write.
    /// </summary>
    [Range(0, 86_400)]
    public int GetMaxAgeSeconds { get; set; }
}
