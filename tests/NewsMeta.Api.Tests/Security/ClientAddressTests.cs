using System.Net;
using Microsoft.AspNetCore.Hosting;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Security;

/// <summary>
/// Rate limits bucket anonymous callers by client address. Behind proxies the address comes from
/// X-Forwarded-For, believed only as far as trusted proxies wrote it; and made-up API keys spend the sending
/// address's budget before the database is asked about them. Each test uses its own client addresses.
/// </summary>
public sealed class ClientAddressTests(ClientAddressTests.Factory factory) : IClassFixture<ClientAddressTests.Factory>
{
    private const string Proxy = "10.0.0.5";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_client_behind_the_proxy_cannot_get_a_fresh_bucket_by_writing_its_own_forwarded_for()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            // The client wrote a new address on the left each time; the proxy appended the real one.
            statuses.Add(await GetAsync(Proxy, $"198.51.100.{i + 1}, 203.0.113.7"));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        // Another client behind the same proxy has its own bucket.
        Assert.Equal(HttpStatusCode.OK, await GetAsync(Proxy, "203.0.113.8"));
    }

    [Fact]
    public async Task A_client_that_reaches_the_service_directly_is_not_believed_about_its_address()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await GetAsync("203.0.113.50", $"192.0.2.{i + 1}"));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Through_a_chain_of_trusted_proxies_the_client_is_the_right_most_untrusted_address()
    {
        // 10.0.1.9 is in a trusted network (a CDN node in front of the load balancer at 10.0.0.5).
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add(await GetAsync(Proxy, $"172.16.5.{i + 1}, 192.0.2.44, 10.0.1.9"));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        // The CDN node itself is not the client: another client through it still gets its own bucket.
        Assert.Equal(HttpStatusCode.OK, await GetAsync(Proxy, "192.0.2.45, 10.0.1.9"));
    }

    [Fact]
    public async Task Made_up_api_keys_spend_the_address_budget_and_are_refused_before_the_database_is_asked()
    {
        var client = factory.CreateClient();
        // Each made-up key costs a token for its lookup and one for the (anonymous) request: the budget of three
        // is gone after two at most.
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await client.SendAsync(KeyedRequest("192.0.2.99", $"nm_made-up-{Guid.NewGuid():N}"), Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        factory.Sql.Reset();
        var refused = await client.SendAsync(KeyedRequest("192.0.2.99", $"nm_made-up-{Guid.NewGuid():N}"), Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1));
        Assert.Equal(0, factory.Sql.Count);

        // A configured key is checked without a lookup and keeps working from the same address.
        var valid = KeyedRequest("192.0.2.99", NewsMetaFactory.WriteKey);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(valid, Ct)).StatusCode);
    }

    private async Task<HttpStatusCode> GetAsync(string peer, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sources?limit=1");
        request.Headers.Add(PeerAddress.Header, peer);
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return (await factory.CreateClient().SendAsync(request, Ct)).StatusCode;
    }

    // GET /webhooks needs a key: an unknown one is a 401 until the address's budget runs out.
    private static HttpRequestMessage KeyedRequest(string peer, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/webhooks");
        request.Headers.Add(PeerAddress.Header, peer);
        request.Headers.Add("X-Api-Key", key);
        return request;
    }

    /// <summary>Forwarded headers trusted from one proxy and one network; three anonymous requests a minute.</summary>
    public sealed class Factory : NewsMetaFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            PeerAddress.AddTo(builder);
            builder.UseSetting("Security:TrustForwardedHeaders", "true");
            builder.UseSetting("Security:KnownProxies:0", Proxy);
            builder.UseSetting("Security:KnownNetworks:0", "10.0.1.0/24");
            builder.UseSetting("RateLimit:Enabled", "true");
            builder.UseSetting("RateLimit:AnonymousPermitsPerMinute", "3");
        }
    }
}
