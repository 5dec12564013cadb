using System.ComponentModel.DataAnnotations;

namespace NewsMeta.Api.Common.RateLimiting;

/// <summary>The <c>RateLimit</c> configuration section.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests a minute for callers without a key, per client address (also the burst).</summary>
    [Range(1, 10_000_000)]
    public int AnonymousPermitsPerMinute { get; set; } = 600;

    /// <summary>Requests a minute per API key (also the burst).</summary>
    [Range(1, 10_000_000)]
    public int KeyPermitsPerMinute { get; set; } = 6000;

    /// <summary>A GraphQL operation is charged one request per this much computed cost (at least one).</summary>
    [Range(1, 100_000_000)]
    public int GraphQLCostPerPermit { get; set; } = 500;
}
