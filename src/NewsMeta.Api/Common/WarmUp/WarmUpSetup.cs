using NewsMeta.Api.Common.Settings;

namespace NewsMeta.Api.Common.WarmUp;

public static class WarmUpSetup
{
    public static IServiceCollection AddWarmUp(this IServiceCollection services)
    {
        services.AddSettings<WarmUpOptions>(WarmUpOptions.Section);
        services.AddSingleton<WarmUpPipeline>();
        services.AddSingleton<StartupWarmUp>();
        services.AddHostedService(sp => sp.GetRequiredService<StartupWarmUp>());
        services.AddHealthChecks().AddCheck<WarmUpHealthCheck>("warm-up", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Captures the pipeline from routing on for the warm-up. It must come first: routing is added explicitly
    /// right after it (the host would otherwise add it in front of everything, out of the warm-up's reach).
    /// The capture costs requests nothing: the delegate it returns is the rest of the pipeline itself.
    /// </summary>
    public static WebApplication UseWarmUpCapture(this WebApplication app)
    {
        var pipeline = app.Services.GetRequiredService<WarmUpPipeline>();
        app.Use(next =>
        {
            pipeline.Next = next;
            return next;
        });
        app.UseRouting();
        return app;
    }
}
