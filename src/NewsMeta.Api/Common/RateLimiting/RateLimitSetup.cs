using Microsoft.Extensions.Options;
using NewsMeta.Api.Common.Caching;
using NewsMeta.Api.Common.Settings;
using StackExchange.Redis;

namespace NewsMeta.Api.Common.RateLimiting;

public static class RateLimitSetup
{
    /// <summary>The request budget; its buckets live in Redis when ConnectionStrings:Redis is set, else in memory.</summary>
    public static IServiceCollection AddNewsRateLimits(this IServiceCollection services)
    {
        services.AddSettings<RateLimitOptions>(RateLimitOptions.Section);
        services.AddSingleton<LocalRateBuckets>();
        // The multiplexer is the response cache's (Caching/ResponseCache), registered when ConnectionStrings:Redis
        // is set; the key prefix is the cache's too.
        services.AddSingleton<IRateBuckets>(sp => sp.GetService<IConnectionMultiplexer>() is { } redis
            ? new RedisRateBuckets(redis, sp.GetRequiredService<IOptions<CachingOptions>>().Value.RedisPrefix,
                sp.GetRequiredService<LocalRateBuckets>(), sp.GetRequiredService<ILogger<RedisRateBuckets>>())
            : sp.GetRequiredService<LocalRateBuckets>());

        services.AddSingleton<RequestBudget>();
        return services;
    }
}
