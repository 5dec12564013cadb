using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace NewsMeta.Api.Common.RateLimiting;

public static class RateLimitSetup
{
    /// <summary>The request budget; its buckets live in Redis when ConnectionStrings:Redis is set, else in memory.</summary>
    public static IServiceCollection AddNewsRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton<LocalRateBuckets>();
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString("Redis")))
        {
            services.AddSingleton<IRateBuckets>(sp => sp.GetRequiredService<LocalRateBuckets>());
        }
        else
        {
            // The multiplexer is the response cache's (Caching/ResponseCache), and so is the key prefix.
            services.AddSingleton<IRateBuckets>(sp => new RedisRateBuckets(
                sp.GetRequiredService<IConnectionMultiplexer>(),
                configuration.GetValue("Caching:RedisPrefix", "newsmeta:")!,
                sp.GetRequiredService<LocalRateBuckets>(),
                sp.GetRequiredService<ILogger<RedisRateBuckets>>()));
        }

        services.AddSingleton<RequestBudget>();
        return services;
    }
}
