using System.ComponentModel.DataAnnotations;

namespace NewsMeta.Api.Common.Http;

/// <summary>The <c>Security</c> configuration section: browser origins, TLS and proxies.</summary>
public sealed class SecurityOptions : IValidatableObject
{
    public const string Section = "Security";

    /// <summary>Origins (scheme://host[:port]) whose pages may call the API from a browser. Empty: none.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Behind TLS: redirect plain HTTP to HTTPS and send Strict-Transport-Security.</summary>
    public bool RequireHttps { get; set; }

    [Range(0, 3650)]
    public int HstsMaxAgeDays { get; set; } = 365;

    /// <summary>
    /// Behind a reverse proxy: take the client address and scheme from X-Forwarded-For/-Proto (so rate
    /// limits and HTTPS redirection see the real client). Only turn on when the proxy sets these headers.
    /// The headers are believed only as far as they come from <see cref="KnownProxies"/> or
    /// <see cref="KnownNetworks"/>: the client is the right-most address that no trusted proxy vouches for.
    /// </summary>
    public bool TrustForwardedHeaders { get; set; }

    /// <summary>Addresses of the proxies in front (e.g. 10.0.0.5). With neither list set, only loopback proxies are trusted.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks of the proxies in front, in CIDR notation (e.g. 10.0.0.0/24).</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // A browser sends its Origin as scheme://host[:port]; anything else never matches and hides a typo.
        for (var i = 0; i < AllowedOrigins.Count; i++)
        {
            var origin = AllowedOrigins[i];
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || !string.Equals(origin.TrimEnd('/'), uri.GetLeftPart(UriPartial.Authority), StringComparison.OrdinalIgnoreCase))
            {
                yield return new ValidationResult($"AllowedOrigins:{i} must be an origin such as https://news.example (was {origin}).", [nameof(AllowedOrigins)]);
            }
        }

        for (var i = 0; i < KnownProxies.Count; i++)
        {
            if (!System.Net.IPAddress.TryParse(KnownProxies[i], out _))
            {
                yield return new ValidationResult($"KnownProxies:{i} must be an IP address such as 10.0.0.5 (was {KnownProxies[i]}).", [nameof(KnownProxies)]);
            }
        }

        for (var i = 0; i < KnownNetworks.Count; i++)
        {
            if (!System.Net.IPNetwork.TryParse(KnownNetworks[i], out _))
            {
                yield return new ValidationResult($"KnownNetworks:{i} must be a network in CIDR notation such as 10.0.0.0/24 (was {KnownNetworks[i]}).", [nameof(KnownNetworks)]);
            }
        }
    }
}
