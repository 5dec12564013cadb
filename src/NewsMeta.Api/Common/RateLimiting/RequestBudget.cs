using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace NewsMeta.Api.Common.RateLimiting;

/// <summary>What a charge decided, and what the caller has left.</summary>
public sealed record RateDecision(bool Allowed, int Limit, int Remaining, TimeSpan RetryAfter);

/// <summary>
/// Token buckets per caller: one per API key (by key name), else one per client address, refilled every
/// second at the configured rate per minute. Requests take one token; GraphQL operations take tokens by
/// their computed cost (<see cref="ChargeCost"/>). Counted per instance: behind a load balancer with n
/// instances a caller gets up to n times the rate, which the limits are sized for.
/// </summary>
public sealed class RequestBudget : IDisposable
{
    private const string Anonymous = "ip:";
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly RateLimitOptions _options;

    public RequestBudget(IOptions<RateLimitOptions> options)
    {
        _options = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetTokenBucketLimiter(partition, _ => Bucket(LimitOf(partition))));
    }

    public bool Enabled => _options.Enabled;

    /// <summary>Takes <paramref name="permits"/> tokens from the caller's bucket (a charge larger than the bucket takes all of it).</summary>
    public RateDecision Charge(HttpContext http, int permits)
    {
        var partition = PartitionOf(http);
        var limit = LimitOf(partition);
        using var lease = _limiter.AttemptAcquire(partition, Math.Clamp(permits, 1, limit));
        var remaining = (int)(_limiter.GetStatistics(partition)?.CurrentAvailablePermits ?? 0);
        var retryAfter = lease.IsAcquired ? TimeSpan.Zero
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        var decision = new RateDecision(lease.IsAcquired, limit, remaining, retryAfter);
        WriteHeaders(http, decision);
        return decision;
    }

    /// <summary>
    /// The extra tokens a GraphQL operation of this cost takes beyond the request's own one. An operation
    /// costing more than a whole bucket takes the whole bucket: it runs only when the caller has been idle.
    /// </summary>
    public RateDecision? ChargeCost(HttpContext http, double cost)
    {
        var permits = (int)Math.Ceiling(cost / Math.Max(1, _options.GraphQLCostPerPermit)) - 1;
        return _options.Enabled && permits > 0 ? Charge(http, Math.Min(permits, LimitOf(PartitionOf(http)) - 1)) : null;
    }

    public void Dispose() => _limiter.Dispose();

    private static string PartitionOf(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && http.User.FindFirstValue(ClaimTypes.Name) is { } name
            ? "key:" + name
            : Anonymous + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private int LimitOf(string partition) =>
        Math.Max(1, partition.StartsWith(Anonymous, StringComparison.Ordinal) ? _options.AnonymousPermitsPerMinute : _options.KeyPermitsPerMinute);

    private static TokenBucketRateLimiterOptions Bucket(int perMinute) => new()
    {
        TokenLimit = perMinute,
        TokensPerPeriod = Math.Max(1, (int)Math.Ceiling(perMinute / 60.0)),
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    // IETF draft "RateLimit header fields": the quota, what is left, seconds until it is whole again.
    private static void WriteHeaders(HttpContext http, RateDecision decision)
    {
        var perSecond = Math.Max(1, (int)Math.Ceiling(decision.Limit / 60.0));
        var reset = (int)Math.Ceiling((decision.Limit - decision.Remaining) / (double)perSecond);
        var headers = http.Response.Headers;
        headers["RateLimit-Limit"] = decision.Limit.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Remaining"] = decision.Remaining.ToString(CultureInfo.InvariantCulture);
        headers["RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
        if (!decision.Allowed)
        {
            headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(decision.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
    }
}
