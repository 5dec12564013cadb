using System.Net;
using System.Net.Sockets;

namespace NewsMeta.Api.Features.Webhooks;

/// <summary>
/// Addresses a webhook must not reach unless the allow-list names them: where the service's own host,
/// its network neighbours and the cloud's instance metadata (169.254.169.254, link-local) answer.
/// </summary>
public static class WebhookAddressRanges
{
    /// <summary>Null for a public address, else what kind of internal address it is (for the delivery log).</summary>
    public static string? Internal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return "loopback";
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b switch
            {
                [0, ..] => "unspecified",
                [10, ..] or [172, >= 16 and <= 31, ..] or [192, 168, ..] => "private",
                [169, 254, 169, 254] => "cloud metadata",
                [169, 254, ..] => "link-local",
                [100, >= 64 and <= 127, ..] => "shared (CGNAT)",
                [>= 224, ..] => "multicast or reserved",
                _ => null,
            };
        }

        if (address.Equals(IPAddress.IPv6Any))
        {
            return "unspecified";
        }

        var v6 = address.GetAddressBytes();
        return v6 switch
        {
            [>= 0xfc and <= 0xfd, ..] => "private",
            [0xfe, >= 0x80 and <= 0xbf, ..] => "link-local",
            [0xfe, >= 0xc0, ..] => "site-local",
            [0xff, ..] => "multicast",
            _ => null,
        };
    }
}
