using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;
using NewsMeta.Api.Common.Settings;

namespace NewsMeta.Api.Common.Http;

/// <summary>CORS for the configured frontends, security headers, and HTTPS/HSTS and proxy headers when configured.</summary>
public static class WebSecurity
{
    public const string CorsPolicy = "frontends";

    /// <summary>Headers a browser script may read from responses (paging, caching, limits, read-your-writes tokens).</summary>
    private static readonly string[] Exposed = ["ETag", "Link", "Location", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", Data.Consistency.ConsistencyToken.Header];

    public static IServiceCollection AddNewsWebSecurity(this IServiceCollection services)
    {
        services.AddSettings<SecurityOptions>(SecurityOptions.Section);
        services.AddCors();
        // The policy and HSTS come from the bound (and validated) settings, not from a second read of the section.
        services.AddOptions<CorsOptions>().Configure<IOptions<SecurityOptions>>((cors, security) => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins([.. security.Value.AllowedOrigins])
            .WithMethods("GET", "POST", "PUT", "DELETE")
            .WithHeaders("Content-Type", "Accept", "X-Api-Key", "If-Match", "If-None-Match", Data.Consistency.ConsistencyToken.Header)
            .WithExposedHeaders(Exposed)
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        services.AddOptions<HstsOptions>().Configure<IOptions<SecurityOptions>>((hsts, security) =>
        {
            hsts.MaxAge = TimeSpan.FromDays(security.Value.HstsMaxAgeDays);
            hsts.IncludeSubDomains = true;
        });
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((forwarded, security) => TrustedProxies.Configure(forwarded, security.Value));
        return services;
    }

    /// <summary>Runs first in the pipeline, so even error responses carry the headers.</summary>
    public static WebApplication UseNewsWebSecurity(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (options.TrustForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<SecurityHeaders>();
        if (options.RequireHttps)
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseCors(CorsPolicy);
        return app;
    }
}
