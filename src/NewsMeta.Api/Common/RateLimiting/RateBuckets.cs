namespace NewsMeta.Api.Common.RateLimiting;

/// <summary>What a charge decided, and what the caller has left.</summary>
public sealed record RateDecision(bool Allowed, int Limit, int Remaining, TimeSpan RetryAfter);

/// <summary>
/// Where the token buckets live: in this instance's memory (<see cref="LocalRateBuckets"/>), or in Redis
/// (<see cref="RedisRateBuckets"/>) so that every instance behind a load balancer draws on the same bucket.
/// A bucket holds <c>limit</c> tokens and refills at <c>limit</c> a minute.
/// </summary>
public interface IRateBuckets
{
    ValueTask<RateDecision> TakeAsync(string partition, int limit, int permits, CancellationToken ct);
}
