namespace NewsMeta.Api.Common.Http;

/// <summary>CORS for the configured frontends, security headers, and HTTPS/HSTS and proxy headers when configured.</summary>
public static class WebSecurity
{
    public const string CorsPolicy = "frontends";

    /// <summary>Headers a browser script may read from responses (paging, caching, limits).</summary>
    private static readonly string[] Exposed = ["ETag", "Link", "Location", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"];

    public static IServiceCollection AddNewsWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy => policy
            .WithOrigins([.. options.AllowedOrigins])
            .WithMethods("GET", "POST", "PUT", "DELETE")
            .WithHeaders("Content-Type", "Accept", "X-Api-Key", "If-Match", "If-None-Match")
            .WithExposedHeaders(Exposed)
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(options.HstsMaxAgeDays);
            o.IncludeSubDomains = true;
        });
        services.Configure<ForwardedHeadersOptions>(o => TrustedProxies.Configure(o, options));
        return services;
    }

    /// <summary>Runs first in the pipeline, so even error responses carry the headers.</summary>
    public static WebApplication UseNewsWebSecurity(this WebApplication app)
    {
        var options = app.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();
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
