using Microsoft.AspNetCore.OutputCaching;

namespace NewsMeta.Api.Common.Caching;

/// <summary>
/// Which exchanges are cached: GET and HEAD answered 200 without cookies, with or without an API key.
/// The framework's default refuses authenticated requests; here authentication has already run before the
/// cache (a revoked key is refused before any lookup), answers do not depend on who asks beyond the key's
/// scopes, and entries vary by X-Api-Key, so partners' keyed reads are cached too.
/// </summary>
internal sealed class CacheableRequests : IOutputCachePolicy
{
    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var method = context.HttpContext.Request.Method;
        var cacheable = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.CacheVaryByRules.QueryKeys = "*";
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
