using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using NewsMeta.Api.Common.Settings;
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

    /// <remarks>
    /// Redis or not is decided here, from its connection string. The <c>Caching</c> settings, and whether the
    /// generation comes from SQLite, PostgreSQL's notifications or a query, are read from the bound (and
    /// validated) settings when the cache is first used.
    /// </remarks>
    public static IServiceCollection AddNewsResponseCache(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<CachingOptions>(CachingOptions.Section);
        var redis = configuration.GetConnectionString("Redis");
        if (string.IsNullOrWhiteSpace(redis))
        {
            services.AddOutputCache();
            services.AddOptions<OutputCacheOptions>().Configure<IOptions<CachingOptions>>((o, caching) =>
            {
                if (!caching.Value.InProcess)
                {
                    o.AddPolicy(Policy, b => b.NoCache());
                    return;
                }

                o.SizeLimit = caching.Value.MemoryMegabytes * 1024 * 1024;
                o.AddPolicy(Policy, b => b
                    .AddPolicy<CacheableRequests>()
                    .Expire(TimeSpan.FromSeconds(caching.Value.ResponseSeconds))
                    .Tag(Tag)
                    .SetVaryByHeader("Accept")
                    .VaryByValue(CallerVary.ValueAsync)
                    .VaryByValue(TokenAwareGeneration.ValueAsync),
                    excludeDefaultPolicy: true);
            });
            services.AddSingleton<PostgresDataGeneration>();
            services.AddHostedService<PostgresGenerationListener>();
            services.AddSingleton<IDataGeneration>(sp => sp.GetRequiredService<Data.DatabaseConnections>() switch
            {
                { Options.Provider: Data.DatabaseProvider.Postgres, ReadOnly: null } => sp.GetRequiredService<PostgresDataGeneration>(),
                { Options.Provider: Data.DatabaseProvider.Sqlite } => ActivatorUtilities.CreateInstance<SqliteDataGeneration>(sp),
                _ => new QueriedDataGeneration(),
            });
            services.AddSingleton<ICacheInvalidator>(sp => sp.GetRequiredService<IOptions<CachingOptions>>().Value.InProcess
                ? ActivatorUtilities.CreateInstance<DatabaseGenerationInvalidator>(sp)
                : new NoCacheInvalidator());
            return services;
        }

        var options = ConfigurationOptions.Parse(redis);
        options.AbortOnConnectFail = false; // start even when Redis is down; /health/ready reports it
        services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddOptions<RedisOutputCacheOptions>().Configure<IOptions<CachingOptions>, IServiceProvider>((o, caching, sp) =>
        {
            o.InstanceName = caching.Value.RedisPrefix;
            o.ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>());
        });
        services.AddOutputCache();
        services.AddOptions<OutputCacheOptions>().Configure<IOptions<CachingOptions>>((o, caching) => o.AddPolicy(Policy, b => b
            .AddPolicy<CacheableRequests>()
            .Expire(TimeSpan.FromSeconds(caching.Value.ResponseSeconds))
            .Tag(Tag)
            .SetVaryByHeader("Accept")
            .VaryByValue(CallerVary.ValueAsync)
            .VaryByValue(async (context, _) =>
            {
                var generation = await context.RequestServices.GetRequiredService<IConnectionMultiplexer>().GetDatabase().StringGetAsync(GenerationKey(caching.Value));
                return new KeyValuePair<string, string>("generation", generation.HasValue ? generation.ToString() : "0");
            })
            .VaryByValue(ReplicaCopyGeneration.ValueAsync), excludeDefaultPolicy: true));
        services.AddSingleton<ICacheInvalidator>(sp => new RedisCacheInvalidator(
            sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<IOutputCacheStore>(), GenerationKey(sp.GetRequiredService<IOptions<CachingOptions>>().Value),
            sp.GetRequiredService<Data.DatabaseConnections>().ReadOnly is null ? null : sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return services;
    }

    private static RedisKey GenerationKey(CachingOptions caching) => new(caching.RedisPrefix + "generation");

    /// <summary>Runs the PostgreSQL generation listener only when it is the generation in use (PostgreSQL without a replica).</summary>
    private sealed class PostgresGenerationListener(IServiceProvider services) : IHostedService
    {
        // Resolved when the host starts and kept: a host being disposed may stop its services after its provider is gone.
        private PostgresDataGeneration? _listener;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            _listener = services.GetRequiredService<IDataGeneration>() as PostgresDataGeneration;
            return _listener?.StartAsync(cancellationToken) ?? Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => _listener?.StopAsync(cancellationToken) ?? Task.CompletedTask;
    }

    /// <summary>
    /// Bumps the generation (so older entries can no longer be hit) and evicts the tag. With a read replica
    /// (<paramref name="replicaRows"/> set) it also replaces the database's generation row in the writer's
    /// transaction, which <see cref="ReplicaCopyGeneration"/> adds to the key: Redis's counter moves at the
    /// primary's commit, before a lagging replica has the data.
    /// </summary>
    private sealed class RedisCacheInvalidator(IConnectionMultiplexer redis, IOutputCacheStore store, RedisKey generationKey, IServiceScopeFactory? replicaRows, TimeProvider clock) : ICacheInvalidator
    {
        public async Task InvalidateAsync(CancellationToken ct)
        {
            if (replicaRows is not null)
            {
                await using var scope = replicaRows.CreateAsyncScope();
                await DatabaseGeneration.BumpAsync(scope.ServiceProvider.GetRequiredService<Data.NewsDbContext>(), clock, ct);
            }

            await CommittedAsync(null, ct);
        }

        // Redis is not in the database's transaction: it is bumped after the commit.
        public async Task<CacheBump?> StageAsync(Data.NewsDbContext db, CancellationToken ct) =>
            replicaRows is null ? null : new CacheBump(await DatabaseGeneration.BumpAsync(db, clock, ct));

        public async Task CommittedAsync(CacheBump? bump, CancellationToken ct)
        {
            await redis.GetDatabase().StringIncrementAsync(generationKey);
            await store.EvictByTagAsync(Tag, ct);
        }
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
