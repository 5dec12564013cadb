namespace NewsMeta.Api.Common.Http;

/// <summary>The <c>Security</c> configuration section: browser origins, TLS and proxies.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>Origins (scheme://host[:port]) whose pages may call the API from a browser. Empty: none.</summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>Behind TLS: redirect plain HTTP to HTTPS and send Strict-Transport-Security.</summary>
    public bool RequireHttps { get; set; }

    public int HstsMaxAgeDays { get; set; } = 365;

    /// <summary>
    /// Behind a reverse proxy: take the client address and scheme from X-Forwarded-For/-Proto (so rate
    /// limits and HTTPS redirection see the real client). Only turn on when the proxy sets these headers.
    /// </summary>
    public bool TrustForwardedHeaders { get; set; }
}
