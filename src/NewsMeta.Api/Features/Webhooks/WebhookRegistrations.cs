using NewsMeta.Api.Common.Settings;

namespace NewsMeta.Api.Features.Webhooks;

public static class WebhookRegistrations
{
    /// <summary>Subscriptions, the outbox the article writer fills, and the dispatcher every instance runs.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddSettings<WebhookOptions>(WebhookOptions.Section);
        services.AddHttpClient(WebhookDispatcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        return services.AddSingleton<WebhookUrlPolicy>().AddScoped<WebhookSubscriptions>().AddScoped<WebhookOutbox>()
            .AddSingleton<WebhookDispatcher>().AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
    }
}
