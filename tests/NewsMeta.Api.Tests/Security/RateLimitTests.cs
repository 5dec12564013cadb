using System.Net;
using Microsoft.AspNetCore.Hosting;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Security;

/// <summary>Token buckets per client address and per key; GraphQL charged by cost; 429 problems with Retry-After.</summary>
public sealed class RateLimitTests(RateLimitTests.Factory factory) : IClassFixture<RateLimitTests.Factory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Anonymous_callers_get_their_quota_then_a_429_problem_with_retry_after()
    {
        // The anonymous bucket is shared by every key-less request of this fixture: use it in one test only.
        var client = factory.CreateClient();
        var remaining = new List<int>();
        HttpResponseMessage response;
        while ((response = await client.GetAsync("/api/v1/sources", Ct)).StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal("6", Header(response, "RateLimit-Limit"));
            remaining.Add(int.Parse(Header(response, "RateLimit-Remaining")!, System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(remaining.Count <= 6, "the quota was not enforced");
        }

        Assert.Equal([5, 4, 3, 2, 1, 0], remaining);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(429, (await response.NodeAsync())["status"]!.GetValue<int>());

        // Probes, the docs and a key's own bucket are not touched by the anonymous flood.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/swagger/v1/swagger.json", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientWithKey(NewsMetaFactory.ReadKey).GetAsync("/api/v1/sources", Ct)).StatusCode);
    }

    [Fact]
    public async Task GraphQL_is_charged_by_cost_not_one_per_request()
    {
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        // 100 articles with nested lists: thousands of cost units, far more than the key's 40-token bucket.
        const string Expensive = "{ articles(first: 100) { nodes { title keywords { name } entities { entity { name } } links(first: 10) { title } } } }";
        var first = await client.GraphQLAsync(Expensive);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.True(first.Body["extensions"]!["cost"]!["requested"]!.GetValue<double>() > 40 * 10);

        // The first took the whole bucket: every request is now refused at the door, REST as a problem, GraphQL as a GraphQL error.
        HttpResponseMessage rest;
        while ((rest = await client.GetAsync("/api/v1/sources", Ct)).StatusCode == HttpStatusCode.OK)
        {
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, rest.StatusCode);
        // A token may come back between two requests on a slow machine (one each 1.5 s here): at most a few get through.
        GraphQLResponse atDoor;
        var passed = 0;
        while ((atDoor = await client.GraphQLAsync("{ sources { totalCount } }")).Status == HttpStatusCode.OK)
        {
            Assert.True(++passed < 3, "GraphQL requests keep passing with an empty bucket");
        }

        Assert.Equal((HttpStatusCode.TooManyRequests, "RATE_LIMITED"), (atDoor.Status, atDoor.FirstCode));

        // Another key with tokens left, but fewer than the operation's cost: refused before it runs, by its
        // cost and not at the door, for the tokens it did not take still serve cheaper requests.
        var partner = factory.ClientWithKey(Factory.CostKey);
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync("/api/v1/sources", Ct)).StatusCode);
        }

        var refused = await partner.GraphQLAsync(Expensive);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("RATE_LIMITED", refused.FirstCode);
        Assert.Null(refused.Body["data"]);
        Assert.True(refused.Http.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        var cheap = await partner.GetAsync("/api/v1/sources", Ct);
        Assert.Equal(HttpStatusCode.OK, cheap.StatusCode);
        // 40 less 10 requests, the refused operation's door token and this request: 28, more if tokens came back meanwhile.
        Assert.InRange(int.Parse(Header(cheap, "RateLimit-Remaining")!, System.Globalization.CultureInfo.InvariantCulture), 28, 40);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;

    /// <summary>Tiny quotas so the tests reach them: 6 a minute anonymous, 40 a minute per key, 10 cost units a token.</summary>
    public sealed class Factory : NewsMetaFactory
    {
        /// <summary>A read key of its own, so one test has a full bucket whatever the others spent.</summary>
        public const string CostKey = "cost-partner-key";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Auth:ApiKeys:2:Name", "cost partner");
            builder.UseSetting("Auth:ApiKeys:2:Key", CostKey);
            builder.UseSetting("Auth:ApiKeys:2:Scopes:0", "read");
            builder.UseSetting("RateLimit:Enabled", "true");
            builder.UseSetting("RateLimit:AnonymousPermitsPerMinute", "6");
            builder.UseSetting("RateLimit:KeyPermitsPerMinute", "40");
            builder.UseSetting("RateLimit:GraphQLCostPerPermit", "10");
        }
    }
}
