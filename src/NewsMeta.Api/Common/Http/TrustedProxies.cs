using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace NewsMeta.Api.Common.Http;

/// <summary>
/// Which X-Forwarded-For entries are believed. Each proxy appends the address it received the request from, so
/// the list is read from the right: entries added by a trusted proxy are skipped, and the first address that no
/// trusted proxy vouches for is the client. Anything a client writes into the header itself lies to the left of
/// that and is ignored, and a client that reaches the service directly is not a trusted proxy, so its header is
/// ignored altogether.
/// </summary>
internal static class TrustedProxies
{
    public static void Configure(ForwardedHeadersOptions forwarded, SecurityOptions security)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // Walk back through every trusted proxy in a chain (a CDN in front of a load balancer), not just the last one.
        forwarded.ForwardLimit = null;
        if (security.KnownProxies.Count == 0 && security.KnownNetworks.Count == 0)
        {
            return; // the framework's defaults: loopback proxies only
        }

        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in security.KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                : throw new InvalidOperationException($"{SecurityOptions.Section}:KnownProxies: '{proxy}' is not an IP address."));
        }

        foreach (var network in security.KnownNetworks)
        {
            forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                : throw new InvalidOperationException($"{SecurityOptions.Section}:KnownNetworks: '{network}' is not a network in CIDR notation (10.0.0.0/24)."));
        }
    }
}
