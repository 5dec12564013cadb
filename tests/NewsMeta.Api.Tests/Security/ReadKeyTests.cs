using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NewsMeta.Api.Common.Auth;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Security;

/// <summary>
/// Auth:RequireKeyForReads=true: every GET route the app maps (read from its endpoint data source, so a
/// route added later is tried too) refuses a request without a key, except the public ones.
/// </summary>
public sealed partial class ReadKeyTests(ReadKeyTests.Factory factory) : IClassFixture<ReadKeyTests.Factory>
{
    /// <summary>What stays open: probes, the API's own descriptions, the IDE's files (and /graphql, which refuses by operation).</summary>
    private static readonly HashSet<string> Public =
    [
        "/health/live", "/health/ready", "/swagger/newsmeta.css", "/graphql/schema.graphql",
        "/graphql/ui", "/graphql/ui/{file}",
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_GET_route_but_the_public_ones_needs_a_read_key()
    {
        var routes = GetRoutes();
        Assert.Contains(routes, r => r.Pattern == "/api/v1/articles/export");
        Assert.True(routes.Count >= 25, $"only {routes.Count} GET routes found");
        var anonymous = factory.CreateClient();
        var reader = factory.ClientWithKey(NewsMetaFactory.ReadKey);
        var failures = new List<string>();
        foreach (var (pattern, url, needsWrite) in routes)
        {
            var withoutKey = await anonymous.GetAsync(url, Ct);
            var withReadKey = await reader.GetAsync(url, Ct);
            if (Public.Contains(pattern))
            {
                Expect(withoutKey.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), pattern, "public but refused", withoutKey);
                continue;
            }

            Expect(withoutKey.StatusCode == HttpStatusCode.Unauthorized, pattern, "answered without a key", withoutKey);
            Expect(needsWrite
                ? withReadKey.StatusCode == HttpStatusCode.Forbidden
                : withReadKey.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), pattern, "wrong answer to the read key", withReadKey);
        }

        Assert.Empty(failures);

        void Expect(bool ok, string pattern, string what, HttpResponseMessage response)
        {
            if (!ok)
            {
                failures.Add($"{pattern}: {what} ({(int)response.StatusCode})");
            }
        }
    }

    [Fact]
    public async Task Swagger_UI_and_the_OpenAPI_document_stay_public_and_unknown_paths_are_refused()
    {
        var anonymous = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/swagger/v1/swagger.json", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/swagger/index.html", Ct)).StatusCode);
        var export = await anonymous.GetAsync("/api/v1/articles/export", Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, export.StatusCode);
        Assert.Equal("application/problem+json", export.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/no-such-route", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_GraphQL_query_without_a_key_is_refused_as_a_GraphQL_error()
    {
        var response = await factory.CreateClient().GraphQLAsync("{ articles(first: 1) { totalCount } }");
        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("UNAUTHENTICATED", response.FirstCode);
    }

    /// <summary>
    /// Every GET route with its parameters filled in (ids 1, other values "x"; /graphql gets a query), and
    /// whether it asks for the write policy.
    /// </summary>
    private List<(string Pattern, string Url, bool NeedsWrite)> GetRoutes() =>
        factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'),
                NeedsWrite: e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == Scopes.WritePolicy)))
            .Distinct()
            .Select(r => (r.Pattern, Url(r.Pattern), r.NeedsWrite))
            .ToList();

    private static string Url(string pattern) => pattern == "/graphql"
        ? "/graphql?query=%7B__typename%7D"
        : Parameter().Replace(pattern, m => m.Value.Contains(":int", StringComparison.Ordinal) ? "1" : "x");

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    public sealed class Factory : NewsMetaFactory
    {
        public Factory() => Settings["Auth:RequireKeyForReads"] = "true";
    }
}
