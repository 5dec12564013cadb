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
    /// </summary>
    public bool TrustForwardedHeaders { get; set; }

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
    }
}
