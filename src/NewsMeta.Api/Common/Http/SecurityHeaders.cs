namespace NewsMeta.Api.Common.Http;

/// <summary>
/// Headers that keep browsers from misusing responses: no MIME sniffing, no framing, no referrer, and a
/// Content-Security-Policy that allows only this origin's scripts. Swagger UI and the GraphQL IDE load
/// every script from files (no inline script), so they work under it; styles may be inline because
/// Swagger UI sets style attributes, and images may be data: URIs (its icons).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return next(http);
    }
}
