using Microsoft.AspNetCore.OutputCaching;

namespace NewsMeta.Api.Common.Caching;

/// <summary>
/// Which exchanges are cached: GET and HEAD answered 200 without cookies, with or without an API key;
/// and on endpoints marked <see cref="CacheablePostQueries"/> (POST /graphql), a POST whose JSON body
/// is one query (keyed by the body's hash; <see cref="CacheablePostQueries.Accepts"/> says which).
/// The framework's default refuses authenticated requests; here authentication has already run before the
/// cache (a revoked key is refused before any lookup), answers do not depend on who asks beyond the key's
/// scopes, and entries vary by the caller (<see cref="CallerVary"/>), so partners' keyed reads are cached too.
/// </summary>
internal sealed class CacheableRequests : IOutputCachePolicy
{
    public async ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        // The warm-up runs the read paths themselves: a cached answer would skip them.
        var warmUp = WarmUp.WarmUpRequest.IsWarmUp(context.HttpContext);
        var cacheable = !warmUp && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method));
        context.AllowLocking = true;
        if (!cacheable && !warmUp && HttpMethods.IsPost(request.Method) && context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<CacheablePostQueries>() is { } posts
            && await posts.BodyKeyAsync(request, cancellation) is { } bodyKey)
        {
            cacheable = true;
            context.CacheVaryByRules.VaryByValues["body"] = bodyKey;
            // Identical POSTs are not made to wait for each other: the body was only screened, not parsed.
            context.AllowLocking = false;
        }

        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.CacheVaryByRules.QueryKeys = "*";
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        context.HttpContext.RequestServices.GetRequiredService<NewsMetaMetrics>().CacheLookup(hit: true);
        // A cached GraphQL POST is a query that never reached the runner: no write, no consistency token.
        context.HttpContext.Features.Set(ServedFromCache.Instance);
        return ValueTask.CompletedTask;
    }

    /// <summary>Called only for a cacheable request the cache could not answer: a miss, whether or not the answer is then stored.</summary>
    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        context.HttpContext.RequestServices.GetRequiredService<NewsMetaMetrics>().CacheLookup(hit: false);
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>Set on a request the response cache answered (no endpoint ran).</summary>
public sealed class ServedFromCache
{
    public static readonly ServedFromCache Instance = new();

    private ServedFromCache()
    {
    }
}
