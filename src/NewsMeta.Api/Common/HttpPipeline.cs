using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using NewsMeta.Api.Common.Http;
using NewsMeta.Api.Common.Json;
using NewsMeta.Api.Common.RateLimiting;
using NewsMeta.Api.Common.Settings;
using NewsMeta.Api.Common.WarmUp;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;

namespace NewsMeta.Api.Common;

/// <summary>Cross-cutting HTTP setup: JSON, problem details, health checks, Swagger UI.</summary>
public static class HttpPipeline
{
    /// <summary>NewsMeta's additions to Swagger UI's look (Arabic values right to left), embedded in the assembly.</summary>
    public const string SwaggerStylesheet = "/swagger/newsmeta.css";

    public static IServiceCollection AddNewsHttp(this IServiceCollection services)
    {
        // Graceful shutdown: in-flight requests get this long to finish after SIGTERM (default 30 s).
        services.AddSettings<HostingOptions>(HostingOptions.Section);
        services.AddOptions<HostOptions>().Configure<Microsoft.Extensions.Options.IOptions<HostingOptions>>((host, hosting) => host.ShutdownTimeout = hosting.Value.ShutdownTimeout);
        services.AddSettings<LimitsOptions>(LimitsOptions.Section);
        services.ConfigureHttpJsonOptions(o => NewsJson.Configure(o.SerializerOptions));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions.TryAdd("traceId", Activity.Current?.Id ?? c.HttpContext.TraceIdentifier));
        services.AddHealthChecks().AddDbContextCheck<NewsDbContext>("database", tags: ["ready"]);
        services.AddNewsRateLimits();
        services.AddWarmUp();
        services.AddNewsWebSecurity();
        services.AddExceptionHandler<NewsExceptionHandler>();
        return services;
    }

    public static WebApplication UseNewsHttp(this WebApplication app)
    {
        app.UseWarmUpCapture();
        app.UseNewsWebSecurity();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/swagger/v1/swagger.json", "NewsMeta API v1");
            o.DocumentTitle = "NewsMeta API";
            o.EnableTryItOutByDefault();
            o.DisplayRequestDuration();
            o.InjectStylesheet(SwaggerStylesheet);
        });
        app.MapGet(SwaggerStylesheet, () =>
                typeof(HttpPipeline).Assembly.GetManifestResourceStream("swagger-ui/newsmeta.css") is { } css
                    ? Results.Stream(css, "text/css; charset=utf-8")
                    : Results.NotFound())
            .AllowAnonymous()
            .ExcludeFromDescription();
        app.UseAuthentication();
        app.UseArticleVisibility();
        app.UseMiddleware<RateLimiting.RateLimitMiddleware>();
        app.UseMiddleware<RequestBodyLimit>();
        app.UseAuthorization();
        // Before the cache: a read's token picks the database copy, and with it the generation the cache keys by.
        app.UseMiddleware<Data.Consistency.ReadYourWrites>();
        app.UseOutputCache();
        return app;
    }

    public static WebApplication MapNewsHealth(this WebApplication app)
    {
        // Probes carry no key, and say nothing about the data.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).WithTags("Health").AllowAnonymous();
        // Degraded is the warm-up's "not yet": a load balancer must not send requests meanwhile.
        var ready = new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") };
        ready.ResultStatusCodes[Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable;
        app.MapHealthChecks("/health/ready", ready).WithTags("Health").AllowAnonymous();
        return app;
    }
}
