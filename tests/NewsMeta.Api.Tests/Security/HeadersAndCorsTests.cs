using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Security;

/// <summary>Security headers everywhere, a CSP the two browser UIs live with, CORS for configured origins only, HTTPS when configured.</summary>
public sealed partial class HeadersAndCorsTests(HeadersAndCorsTests.Factory factory) : IClassFixture<HeadersAndCorsTests.Factory>
{
    private const string Frontend = "https://app.news.example";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/v1/articles")]
    [InlineData("/api/v1/articles/999999")]
    [InlineData("/swagger/index.html")]
    [InlineData("/graphql/ui")]
    [InlineData("/health/ready")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        var response = await factory.CreateClient().GetAsync(path, Ct);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        var csp = Header(response, "Content-Security-Policy")!;
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/swagger/index.html")]
    [InlineData("/graphql/ui")]
    public async Task The_browser_UIs_load_scripts_only_from_files_so_the_CSP_lets_them_run(string path)
    {
        var html = await factory.CreateClient().GetStringAsync(path, Ct);
        var scripts = ScriptTag().Matches(html);
        Assert.NotEmpty(scripts);
        Assert.All(scripts, m => Assert.Contains("src=", m.Value, StringComparison.Ordinal));
        Assert.DoesNotMatch(InlineHandler(), html);
    }

    [Fact]
    public async Task A_configured_origin_gets_a_preflight_and_readable_headers()
    {
        var client = factory.CreateClient();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/articles/by-external-id/x");
        preflight.Headers.Add("Origin", Frontend);
        preflight.Headers.Add("Access-Control-Request-Method", "PUT");
        preflight.Headers.Add("Access-Control-Request-Headers", "x-api-key, content-type, if-match");
        var answer = await client.SendAsync(preflight, Ct);
        Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        Assert.Equal(Frontend, Header(answer, "Access-Control-Allow-Origin"));
        Assert.Contains("x-api-key", Header(answer, "Access-Control-Allow-Headers")!, StringComparison.OrdinalIgnoreCase);

        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/articles?limit=1");
        get.Headers.Add("Origin", Frontend);
        var response = await client.SendAsync(get, Ct);
        Assert.Equal(Frontend, Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("ETag", Header(response, "Access-Control-Expose-Headers")!, StringComparison.Ordinal);
        Assert.Contains("Link", Header(response, "Access-Control-Expose-Headers")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_other_origin_gets_no_CORS_grant()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/articles");
        preflight.Headers.Add("Origin", "https://evil.example");
        preflight.Headers.Add("Access-Control-Request-Method", "DELETE");
        var answer = await factory.CreateClient().SendAsync(preflight, Ct);
        Assert.Null(Header(answer, "Access-Control-Allow-Origin"));

        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/v1/articles?limit=1");
        get.Headers.Add("Origin", "https://evil.example");
        Assert.Null(Header(await factory.CreateClient().SendAsync(get, Ct), "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Behind_TLS_plain_HTTP_is_redirected_and_HTTPS_gets_HSTS()
    {
        using var tls = factory.WithWebHostBuilder(b => b.UseSetting("Security:RequireHttps", "true").UseSetting("https_port", "443"));
        var plain = tls.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://news.example") });
        var redirect = await plain.GetAsync("/api/v1/sources", Ct);
        Assert.True(redirect.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect, redirect.StatusCode.ToString());
        Assert.Equal("https://news.example/api/v1/sources", redirect.Headers.Location?.ToString());

        var secure = tls.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://news.example") });
        var response = await secure.GetAsync("/api/v1/sources", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=31536000", Header(response, "Strict-Transport-Security"), StringComparison.Ordinal);

        // Without the setting there is no HSTS (a plain-HTTP development server must not pin browsers to HTTPS).
        var local = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://news.example") });
        Assert.Null(Header(await local.GetAsync("/api/v1/sources", Ct), "Strict-Transport-Security"));
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;

    [GeneratedRegex("<script[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();

    /// <summary>One allowed frontend origin.</summary>
    public sealed class Factory : NewsMetaFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Settings["Security:AllowedOrigins:0"] = Frontend;
            base.ConfigureWebHost(builder);
        }
    }
}
