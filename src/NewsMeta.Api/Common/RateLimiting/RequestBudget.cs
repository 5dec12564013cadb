using System.Globalization;
using Microsoft.Extensions.Options;
using NewsMeta.Api.Common.Auth;

namespace NewsMeta.Api.Common.RateLimiting;

/// <summary>
/// Token buckets per caller: one per API key (by its stable id, <see cref="KeyIds"/>: a new key given a revoked or configured key's name starts with its own bucket), else one per client address, refilled at the
/// configured rate per minute. Requests take one token; GraphQL operations take tokens by their computed cost
/// (<see cref="ChargeCostAsync"/>); looking up a key this instance has not seen takes one from the client
/// address's bucket (<see cref="ChargeKeyLookupAsync"/>). The buckets are shared by every instance when Redis is
/// configured, else counted per instance (<see cref="IRateBuckets"/>).
/// </summary>
public sealed class RequestBudget(IOptions<RateLimitOptions> options, IRateBuckets buckets)
{
    private const string Anonymous = "ip:";
    private readonly RateLimitOptions _options = options.Value;

    public bool Enabled => _options.Enabled;

    /// <summary>Takes <paramref name="permits"/> tokens from the caller's bucket (a charge larger than the bucket takes all of it).</summary>
    public async ValueTask<RateDecision> ChargeAsync(HttpContext http, int permits)
    {
        var partition = PartitionOf(http);
        var decision = await buckets.TakeAsync(partition, LimitOf(partition), permits, http.RequestAborted);
        WriteHeaders(http, decision);
        return decision;
    }

    /// <summary>
    /// The extra tokens a GraphQL operation of this cost takes beyond the request's own one, plus
    /// <paramref name="extraPermits"/> for work beside it (registering a persisted query). An operation
    /// costing more than a whole bucket takes the whole bucket: it runs only when the caller has been idle.
    /// </summary>
    public async ValueTask<RateDecision?> ChargeCostAsync(HttpContext http, double cost, int extraPermits = 0)
    {
        var permits = (int)Math.Ceiling(cost / Math.Max(1, _options.GraphQLCostPerPermit)) - 1 + Math.Max(0, extraPermits);
        return _options.Enabled && permits > 0 && !WarmUp.WarmUpRequest.IsWarmUp(http) ? await ChargeAsync(http, Math.Min(permits, LimitOf(PartitionOf(http)) - 1)) : null;
    }

    /// <summary>
    /// Charged before a presented key is looked up in the database: made-up keys spend the sending address's
    /// budget, so a flood of them is refused before it reaches the database. Null when limits are off.
    /// </summary>
    public async ValueTask<RateDecision?> ChargeKeyLookupAsync(HttpContext http)
    {
        if (!_options.Enabled)
        {
            return null;
        }

        var partition = AddressPartition(http);
        var decision = await buckets.TakeAsync(partition, LimitOf(partition), 1, http.RequestAborted);
        if (!decision.Allowed)
        {
            WriteHeaders(http, decision);
        }

        return decision;
    }

    private static string PartitionOf(HttpContext http) =>
        KeyIds.Of(http.User) is { } keyId
            ? "key:" + keyId
            : AddressPartition(http);

    // The client address, after the forwarded-headers middleware (when trusted) has put the real client there.
    private static string AddressPartition(HttpContext http) => Anonymous + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private int LimitOf(string partition) =>
        Math.Max(1, partition.StartsWith(Anonymous, StringComparison.Ordinal) ? _options.AnonymousPermitsPerMinute : _options.KeyPermitsPerMinute);

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
