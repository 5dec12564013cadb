using System.Net;

namespace NewsMeta.Api.Features.Webhooks;

/// <summary>
/// Turns a receiver's host name into addresses for the dispatcher's connect callback. An interface so tests
/// can make a partner's allowed name resolve wherever an attacker controlling its DNS would point it.
/// </summary>
public interface IWebhookAddressResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

/// <summary>The system resolver.</summary>
public sealed class DnsWebhookAddressResolver : IWebhookAddressResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}
