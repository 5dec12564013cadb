using System.Net;
using System.Net.Sockets;

namespace NewsMeta.Api.Features.Webhooks;

/// <summary>
/// The dispatcher's <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the receiver's host once,
/// drops internal addresses (<see cref="WebhookAddressRanges"/>) the allow-list does not name, and connects
/// to a checked address itself. Checking the address connected to, not the URL, is what stops a partner
/// that controls its host's DNS from pointing it at 127.0.0.1 or the metadata service; and no second lookup
/// happens between the check and the connect for the answer to change in.
/// </summary>
public sealed class WebhookConnector(IWebhookAddressResolver resolver, WebhookUrlPolicy urls)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.ResolveAsync(host, ct);
        var allowed = new List<IPAddress>();
        string? refused = null;
        foreach (var address in addresses)
        {
            if (WebhookAddressRanges.Internal(address) is not { } kind || urls.NamesExplicitly(host, address))
            {
                allowed.Add(address);
            }
            else
            {
                refused ??= kind;
            }
        }

        if (allowed.Count == 0)
        {
            // The kind of address only: the partner learns why, not what answers inside.
            throw new WebhookTargetRefusedException(refused is null
                ? $"refused: {host} has no address"
                : $"refused: {host} resolves to an internal address ({refused}) that Webhooks:AllowedUrls does not name explicitly");
        }

        Exception? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
        }

        throw last!;
    }
}
