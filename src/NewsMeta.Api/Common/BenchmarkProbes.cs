using System.Data.Common;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;

namespace NewsMeta.Api.Common;

/// <summary>
/// Probes for the load benchmark (tests/NewsMeta.Benchmarks/load), registered only when
/// <c>Benchmark:Enabled=true</c>; nothing of this exists otherwise. When enabled:
/// <list type="bullet">
/// <item><c>GET /_bench/ceiling</c>: the S1 answer of the median-length article (computed once, then held in
/// memory) written as bytes: the cheapest article-sized response this process can give, the ceiling the
/// scenarios are compared with.</item>
/// <item><c>GET /_bench/stats</c>: counters since start: SQL commands EF Core executed, connections opened,
/// summed command time, allocated bytes, GCs. The harness reads it before and after each scenario.</item>
/// </list>
/// Both are answered by a middleware appended after the endpoint middleware, so the requests pass the same
/// middleware as the API's endpoints (security headers, authentication, rate limiting, output cache) but are
/// not endpoints: not in Swagger, never matched by routing.
/// </summary>
public static class BenchmarkProbes
{
    public const string Section = "Benchmark";

    public static IServiceCollection AddBenchmarkProbes(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue($"{Section}:Enabled", false))
        {
            return services;
        }

        var counter = new SqlCounter();
        services.AddSingleton(counter);
        // AddNewsDatabase attaches every IInterceptor in DI to each context.
        services.AddSingleton<IInterceptor>(counter);
        services.AddSingleton<CeilingBody>();
        services.AddTransient<IStartupFilter, ProbeStartupFilter>();
        return services;
    }

    private sealed class ProbeStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            // Reached only when no endpoint matched (the endpoint middleware passes those on).
            app.Use(async (context, nextMiddleware) =>
            {
                switch (context.Request.Path.Value)
                {
                    case "/_bench/ceiling" when HttpMethods.IsGet(context.Request.Method):
                        var body = await context.RequestServices.GetRequiredService<CeilingBody>().GetAsync();
                        context.Response.StatusCode = StatusCodes.Status200OK;
                        context.Response.ContentType = "application/json; charset=utf-8";
                        context.Response.ContentLength = body.Length;
                        await context.Response.Body.WriteAsync(body, context.RequestAborted);
                        return;
                    case "/_bench/stats" when HttpMethods.IsGet(context.Request.Method):
                        context.Response.Headers.CacheControl = "no-store";
                        await context.Response.WriteAsJsonAsync(context.RequestServices.GetRequiredService<SqlCounter>().Snapshot(), context.RequestAborted);
                        return;
                    default:
                        await nextMiddleware(context);
                        return;
                }
            });
        };
    }

    /// <summary>The ceiling's bytes: the S1 JSON of the article whose body length is the median, computed once
    /// (finding the median reads every body) in a scope of its own, then held in memory.</summary>
    private sealed class CeilingBody(IServiceScopeFactory scopes)
    {
        private readonly Lazy<Task<byte[]>> _body = new(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var count = await db.Articles.CountAsync();
            var median = await db.Articles.AsNoTracking().OrderBy(a => a.Body.Length).ThenBy(a => a.Id)
                .Skip(count / 2).Select(a => a.ExternalId).FirstOrDefaultAsync();
            var article = median is null ? null : await scope.ServiceProvider.GetRequiredService<ArticleQueries>().GetByExternalIdAsync(median, CancellationToken.None);
            return article is null ? "{}"u8.ToArray() : JsonSerializer.SerializeToUtf8Bytes(article, Json.NewsJson.Options);
        });

        public Task<byte[]> GetAsync() => _body.Value;
    }

    /// <summary>Counts EF Core's commands (with their time until the reader is disposed) and opened connections.</summary>
    private sealed class SqlCounter : IDbCommandInterceptor, IDbConnectionInterceptor
    {
        private long _commands;
        private long _connections;
        private long _commandTicks;

        public object Snapshot() => new
        {
            sqlCommands = Interlocked.Read(ref _commands),
            connectionsOpened = Interlocked.Read(ref _connections),
            sqlMilliseconds = Interlocked.Read(ref _commandTicks) * 1000.0 / Stopwatch.Frequency,
            allocatedBytes = GC.GetTotalAllocatedBytes(),
            gen0 = GC.CollectionCount(0),
            gen1 = GC.CollectionCount(1),
            gen2 = GC.CollectionCount(2),
            threadPoolThreads = ThreadPool.ThreadCount,
            serverGc = System.Runtime.GCSettings.IsServerGC,
        };

        private void Executing() => Interlocked.Increment(ref _commands);

        private void Took(TimeSpan duration) => Interlocked.Add(ref _commandTicks, (long)(duration.TotalSeconds * Stopwatch.Frequency));

        public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Executing();
            return result;
        }

        public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Executing();
            return ValueTask.FromResult(result);
        }

        public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
        {
            Took(eventData.Duration);
            return result;
        }

        public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Executing();
            return result;
        }

        public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Executing();
            return ValueTask.FromResult(result);
        }

        public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
        {
            Took(eventData.Duration);
            return result;
        }

        public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
        {
            Took(eventData.Duration);
            return ValueTask.FromResult(result);
        }

        public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Executing();
            return result;
        }

        public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Executing();
            return ValueTask.FromResult(result);
        }

        public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            Took(eventData.Duration);
            return result;
        }

        public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Took(eventData.Duration);
            return ValueTask.FromResult(result);
        }

        public void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Interlocked.Increment(ref _connections);

        public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _connections);
            return Task.CompletedTask;
        }
    }
}
