using StackExchange.Redis;

namespace NewsMeta.Api.Common.RateLimiting;

/// <summary>
/// Token buckets in Redis, shared by every instance: one hash per caller holding its tokens and when they were
/// last counted, updated by one script so that concurrent instances never both spend the same token. The script
/// reads Redis's own clock, so instances with skewed clocks agree. When Redis does not answer, this instance
/// falls back to its own buckets rather than refusing or admitting everyone.
/// </summary>
public sealed class RedisRateBuckets(IConnectionMultiplexer redis, string prefix, LocalRateBuckets fallback, ILogger<RedisRateBuckets> logger) : IRateBuckets
{
    // KEYS[1] bucket; ARGV: limit, permits. Refills limit tokens a minute, continuously; expires when full again.
    // Returns {allowed, tokens left, milliseconds until the permits would be there}.
    private const string Script = """
        local limit = tonumber(ARGV[1])
        local want = tonumber(ARGV[2])
        local t = redis.call('TIME')
        local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
        local perMs = limit / 60000
        local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(state[1]) or limit
        local at = tonumber(state[2]) or now
        tokens = math.min(limit, tokens + math.max(0, now - at) * perMs)
        local allowed = 0
        local wait = 0
        if tokens >= want then
          tokens = tokens - want
          allowed = 1
        else
          wait = math.ceil((want - tokens) / perMs)
        end
        redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
        redis.call('PEXPIRE', KEYS[1], math.ceil((limit - tokens) / perMs) + 1000)
        return {allowed, math.floor(tokens), wait}
        """;

    public async ValueTask<RateDecision> TakeAsync(string partition, int limit, int permits, CancellationToken ct)
    {
        var want = Math.Clamp(permits, 1, limit);
        try
        {
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Script, [new RedisKey(prefix + "rate:" + partition)], [limit, want]))!;
            var allowed = (int)result[0] == 1;
            return new RateDecision(allowed, limit, (int)result[1], allowed ? TimeSpan.Zero : TimeSpan.FromMilliseconds((long)result[2]));
        }
        catch (RedisException ex)
        {
            logger.LogWarning(ex, "Redis did not answer a rate-limit charge; this instance counts on its own until it does");
            return fallback.Take(partition, limit, permits);
        }
    }
}
