using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace NewsMeta.Api.Common.Caching;

/// <summary>
/// Response caching of GET responses, keyed by a data generation that every write changes, so a response
/// computed before a write is never served after it, on any instance; the write also evicts the "news"
/// tag to free the memory at once. With Redis (ConnectionStrings:Redis) the entries and the generation
/// live there, shared by every instance. Without it, each instance caches in its own memory
/// (Caching:InProcess, default true; Caching:MemoryMegabytes) and learns the generation from the database:
/// on SQLite one prepared single-row lookup per cacheable request (<see cref="SqliteDataGeneration"/>); on
/// PostgreSQL from LISTEN/NOTIFY, no query at all (<see cref="PostgresDataGeneration"/>), or with a read
/// replica one EF query per request. Caching:InProcess=false caches nothing.
/// </summary>
public static class ResponseCache
{
    public const string Policy = "news";
    public const string Tag = "news";

    public static IServiceCollection AddNewsResponseCache(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration.GetConnectionString("Redis");
        var lifetime = TimeSpan.FromSeconds(configuration.GetValue("Caching:ResponseSeconds", 300));
        // Deployments (or test runs) sharing one Redis keep apart by prefix.
        var prefix = configuration.GetValue("Caching:RedisPrefix", "newsmeta:")!;
        var generationKey = new RedisKey(prefix + "generation");
        if (string.IsNullOrWhiteSpace(redis) && configuration.GetValue("Caching:InProcess", true))
        {
            services.AddOutputCache(o =>
            {
                o.SizeLimit = configuration.GetValue("Caching:MemoryMegabytes", 64L) * 1024 * 1024;
                o.AddPolicy(Policy, b => b
                    .AddPolicy<CacheableRequests>()
                    .Expire(lifetime)
                    .Tag(Tag)
                    .SetVaryByHeader("Accept")
                    .VaryByValue(CallerVary.ValueAsync)
                    .VaryByValue(async (context, ct) => new KeyValuePair<string, string>(
                        "generation", await context.RequestServices.GetRequiredService<IDataGeneration>().CurrentAsync(context.RequestServices, ct))),
                    excludeDefaultPolicy: true);
            });
            var provider = configuration.GetValue<Data.DatabaseProvider>("Database:Provider");
            if (provider == Data.DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(configuration.GetConnectionString("NewsMetaReadOnly")))
            {
                services.AddSingleton<PostgresDataGeneration>();
                services.AddSingleton<IDataGeneration>(sp => sp.GetRequiredService<PostgresDataGeneration>());
                services.AddHostedService(sp => sp.GetRequiredService<PostgresDataGeneration>());
            }
            else if (provider == Data.DatabaseProvider.Sqlite)
            {
                services.AddSingleton<IDataGeneration, SqliteDataGeneration>();
            }
            else
            {
                services.AddSingleton<IDataGeneration, QueriedDataGeneration>();
            }

            services.AddSingleton<ICacheInvalidator, DatabaseGenerationInvalidator>();
            return services;
        }

        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddOutputCache(o => o.AddPolicy(Policy, b => b.NoCache()));
            services.AddSingleton<ICacheInvalidator, NoCacheInvalidator>();
            return services;
        }

        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false; // start even when Redis is down; /health/ready reports it
        var multiplexer = ConnectionMultiplexer.Connect(options);
        services.AddSingleton<IConnectionMultiplexer>(multiplexer);
        services.AddStackExchangeRedisOutputCache(o =>
        {
            o.InstanceName = prefix;
            o.ConnectionMultiplexerFactory = () => Task.FromResult<IConnectionMultiplexer>(multiplexer);
        });
        services.AddOutputCache(o => o.AddPolicy(Policy, b => b
            .AddPolicy<CacheableRequests>()
            .Expire(lifetime)
            .Tag(Tag)
            .SetVaryByHeader("Accept")
            .VaryByValue(CallerVary.ValueAsync)
            .VaryByValue(async (context, _) =>
            {
                var generation = await context.RequestServices.GetRequiredService<IConnectionMultiplexer>().GetDatabase().StringGetAsync(generationKey);
                return new KeyValuePair<string, string>("generation", generation.HasValue ? generation.ToString() : "0");
            }), excludeDefaultPolicy: true));
        services.AddSingleton<ICacheInvalidator>(sp => new RedisCacheInvalidator(multiplexer, sp.GetRequiredService<IOutputCacheStore>(), generationKey));
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return services;
    }

    /// <summary>Bumps the generation (so older entries can no longer be hit) and evicts the tag.</summary>
    private sealed class RedisCacheInvalidator(IConnectionMultiplexer redis, IOutputCacheStore store, RedisKey generationKey) : ICacheInvalidator
    {
        public async Task InvalidateAsync(CancellationToken ct)
        {
            await redis.GetDatabase().StringIncrementAsync(generationKey);
            await store.EvictByTagAsync(Tag, ct);
        }

        // Redis is not in the database's transaction: it is bumped after the commit.
        public Task<CacheBump?> StageAsync(Data.NewsDbContext db, CancellationToken ct) => Task.FromResult<CacheBump?>(null);

        public Task CommittedAsync(CacheBump? bump, CancellationToken ct) => InvalidateAsync(ct);
    }

    private sealed class NoCacheInvalidator : ICacheInvalidator
    {
        public Task InvalidateAsync(CancellationToken ct) => Task.CompletedTask;

        public Task<CacheBump?> StageAsync(Data.NewsDbContext db, CancellationToken ct) => Task.FromResult<CacheBump?>(null);

        public Task CommittedAsync(CacheBump? bump, CancellationToken ct) => Task.CompletedTask;
    }

    private sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var latency = await redis.GetDatabase().PingAsync();
                return HealthCheckResult.Healthy($"ping {latency.TotalMilliseconds:F1} ms");
            }
            catch (RedisException ex)
            {
                return HealthCheckResult.Unhealthy("Redis does not answer", ex);
            }
        }
    }
}

/// <summary>
/// Every writer tells the response cache about its writes: either <see cref="InvalidateAsync"/> after its
/// transaction commits, or <see cref="StageAsync"/> as the last statement inside the transaction (the
/// generation then changes atomically with the data) and <see cref="CommittedAsync"/> after the commit.
/// </summary>
public interface ICacheInvalidator
{
    Task InvalidateAsync(CancellationToken ct);

    Task<CacheBump?> StageAsync(Data.NewsDbContext db, CancellationToken ct);

    Task CommittedAsync(CacheBump? bump, CancellationToken ct);
}

/// <summary>A generation replaced inside a write transaction, to be announced once it commits.</summary>
public sealed record CacheBump(string Value);
