using System.ComponentModel.DataAnnotations;

namespace NewsMeta.Api.Common.Caching;

/// <summary>The <c>Caching</c> configuration section (the Redis connection itself is <c>ConnectionStrings:Redis</c>).</summary>
public sealed class CachingOptions
{
    public const string Section = "Caching";

    /// <summary>How long a cached response lives (a write makes it unreachable at once anyway).</summary>
    [Range(1, 86_400)]
    public int ResponseSeconds { get; set; } = 300;

    /// <summary>Key prefix in Redis, so deployments (or test runs) sharing one Redis keep apart.</summary>
    [Required(AllowEmptyStrings = false)]
    public string RedisPrefix { get; set; } = "newsmeta:";

    /// <summary>Without Redis: cache in this instance's memory (false: cache nothing).</summary>
    public bool InProcess { get; set; } = true;

    /// <summary>Memory the in-process cache may use.</summary>
    [Range(1L, 65_536L)]
    public long MemoryMegabytes { get; set; } = 64;
}
