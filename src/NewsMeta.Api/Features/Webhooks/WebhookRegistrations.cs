using NewsMeta.Api.Common.Settings;

namespace NewsMeta.Api.Features.Webhooks;

public static class WebhookRegistrations
{
    /// <summary>Subscriptions, the outbox the article writer fills, and the dispatcher every instance runs.</summary>
    public static IServiceCollection AddWebhooks(this IServiceCollection services)
    {
        services.AddSettings<WebhookOptions>(WebhookOptions.Section);
        services.AddSingleton<IWebhookAddressResolver, DnsWebhookAddressResolver>().AddSingleton<WebhookConnector>();
        // No proxy: the connect callback must see (and check) the receiver's own address, not a proxy's.
        services.AddHttpClient(WebhookDispatcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                ConnectCallback = sp.GetRequiredService<WebhookConnector>().ConnectAsync,
            });
        return services.AddSingleton<WebhookUrlPolicy>().AddScoped<WebhookSubscriptions>().AddScoped<WebhookOwners>().AddScoped<WebhookOutbox>()
            .AddSingleton<WebhookDispatcher>().AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
    }
}
