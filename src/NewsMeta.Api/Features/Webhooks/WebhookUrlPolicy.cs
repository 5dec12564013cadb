using System.Net;
using Microsoft.Extensions.Options;

namespace NewsMeta.Api.Features.Webhooks;

/// <summary>
/// Which URLs a subscription may target: absolute http(s), no user info, and under one of the configured
/// prefixes, compared as parsed URLs (scheme, host, port, path) rather than as strings, so
/// "https://partner.example.evil.test" does not pass for "https://partner.example". Without it a key
/// holder could make the service call internal addresses.
/// </summary>
public sealed class WebhookUrlPolicy(IOptionsMonitor<WebhookOptions> options)
{
    private const string AnyPort = ":*";

    /// <summary>Null when allowed, else why not.</summary>
    public string? Check(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > 2048 || !Uri.TryCreate(url, UriKind.Absolute, out var target))
        {
            return "must be an absolute URL";
        }

        if (target.Scheme is not ("http" or "https"))
        {
            return "must be an http or https URL";
        }

        if (!string.IsNullOrEmpty(target.UserInfo) || !string.IsNullOrEmpty(target.Fragment))
        {
            return "must not carry user info or a fragment";
        }

        return options.CurrentValue.AllowedUrls.Any(prefix => Allows(prefix, target))
            ? null
            : "is not in the allow-list of webhook URLs (configuration Webhooks:AllowedUrls)";
    }

    /// <summary>
    /// Whether an allow-list entry for <paramref name="host"/> names <paramref name="address"/> itself, so an
    /// internal address may be reached: the entry's host is that address literally, or it is "localhost" and
    /// the address is loopback (localhost is loopback by definition, so naming it is naming loopback). A host
    /// name that merely resolves to an internal address never counts: its owner's DNS decides that, not us.
    /// </summary>
    public bool NamesExplicitly(string host, IPAddress address)
    {
        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        foreach (var prefix in options.CurrentValue.AllowedUrls)
        {
            if (Parse(prefix, out _) is not { } allowed || !string.Equals(allowed.IdnHost.Trim('[', ']'), host, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (IPAddress.TryParse(host, out var literal) ? literal.Equals(address) : host.Equals("localhost", StringComparison.OrdinalIgnoreCase) && IPAddress.IsLoopback(address))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Allows(string prefix, Uri target)
    {
        if (Parse(prefix, out var anyPort) is not { } allowed)
        {
            return false;
        }

        var path = allowed.AbsolutePath.EndsWith('/') ? allowed.AbsolutePath : allowed.AbsolutePath + "/";
        return allowed.Scheme == target.Scheme
            && string.Equals(allowed.IdnHost, target.IdnHost, StringComparison.OrdinalIgnoreCase)
            && (anyPort || allowed.Port == target.Port)
            && (target.AbsolutePath == allowed.AbsolutePath || target.AbsolutePath.StartsWith(path, StringComparison.Ordinal));
    }

    /// <summary>An allow-list entry as a URL, its ":*" port (any port) taken out first; null when it is not a URL.</summary>
    private static Uri? Parse(string prefix, out bool anyPort)
    {
        anyPort = false;
        var authorityEnd = prefix.IndexOf('/', prefix.IndexOf("//", StringComparison.Ordinal) + 2);
        var authority = authorityEnd < 0 ? prefix : prefix[..authorityEnd];
        if (authority.EndsWith(AnyPort, StringComparison.Ordinal))
        {
            anyPort = true;
            prefix = authority[..^AnyPort.Length] + (authorityEnd < 0 ? "" : prefix[authorityEnd..]);
        }

        return Uri.TryCreate(prefix, UriKind.Absolute, out var allowed) ? allowed : null;
    }
}
