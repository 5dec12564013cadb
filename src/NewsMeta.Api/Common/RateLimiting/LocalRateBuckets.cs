using System.Threading.RateLimiting;

namespace NewsMeta.Api.Common.RateLimiting;

/// <summary>Token buckets in this instance's memory: behind n instances a caller gets up to n times the rate.</summary>
public sealed class LocalRateBuckets : IRateBuckets, IDisposable
{
    private readonly PartitionedRateLimiter<(string Partition, int Limit)> _limiter =
        PartitionedRateLimiter.Create<(string Partition, int Limit), (string, int)>(key => RateLimitPartition.GetTokenBucketLimiter(key, k => Bucket(k.Item2)));

    public ValueTask<RateDecision> TakeAsync(string partition, int limit, int permits, CancellationToken ct) =>
        ValueTask.FromResult(Take(partition, limit, permits));

    public RateDecision Take(string partition, int limit, int permits)
    {
        using var lease = _limiter.AttemptAcquire((partition, limit), Math.Clamp(permits, 1, limit));
        var remaining = (int)(_limiter.GetStatistics((partition, limit))?.CurrentAvailablePermits ?? 0);
        var retryAfter = lease.IsAcquired ? TimeSpan.Zero
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        return new RateDecision(lease.IsAcquired, limit, remaining, retryAfter);
    }

    public void Dispose() => _limiter.Dispose();

    // Refilled every second, or for quotas under 60 a minute one token at a time (every 60/limit seconds), so
    // that a small quota is what it says rather than a token a second.
    private static TokenBucketRateLimiterOptions Bucket(int perMinute)
    {
        var period = TimeSpan.FromSeconds(Math.Max(1.0, 60.0 / perMinute));
        return new()
        {
            TokenLimit = perMinute,
            TokensPerPeriod = Math.Max(1, (int)Math.Ceiling(perMinute * period.TotalSeconds / 60.0)),
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }
}
