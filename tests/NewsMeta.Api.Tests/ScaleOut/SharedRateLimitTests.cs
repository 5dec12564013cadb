using System.Net;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.ScaleOut;

/// <summary>
/// With Redis configured (NEWSMETA_TEST_REDIS), two instances draw on one bucket per caller: a key's quota is
/// the same whichever instance the load balancer picks. Skipped when the variable is not set.
/// </summary>
public sealed class SharedRateLimitTests : IAsyncDisposable
{
    private const string RedisVariable = "NEWSMETA_TEST_REDIS";
    private NewsMetaFactory? _first;
    private NewsMetaFactory? _second;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_keys_quota_is_shared_by_every_instance()
    {
        var redis = Environment.GetEnvironmentVariable(RedisVariable);
        if (string.IsNullOrEmpty(redis))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException($"CI=true but {RedisVariable} is not set.");
            }

            Assert.Skip($"{RedisVariable} is not set: shared rate-limit tests skipped.");
        }

        var prefix = $"test-{Guid.NewGuid():N}:";
        _first = new NewsMetaFactory();
        _second = new NewsMetaFactory { Database = _first.Database };
        foreach (var factory in new[] { _first, _second })
        {
            factory.Settings["ConnectionStrings:Redis"] = redis;
            factory.Settings["Caching:RedisPrefix"] = prefix;
            factory.Settings["RateLimit:Enabled"] = "true";
            factory.Settings["RateLimit:KeyPermitsPerMinute"] = "4";
        }

        var a = _first.ClientWithKey(NewsMetaFactory.ReadKey);
        var b = _second.ClientWithKey(NewsMetaFactory.ReadKey);
        var statuses = new List<HttpStatusCode>();
        foreach (var client in new[] { a, b, a, b, a, b })
        {
            statuses.Add((await client.GetAsync("/api/v1/sources?limit=1", Ct)).StatusCode);
        }

        // Per instance each would have had four; together they have four.
        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses[4..]);
        var refused = await b.GetAsync("/api/v1/sources?limit=1", Ct);
        Assert.Equal("4", refused.Headers.GetValues("RateLimit-Limit").Single());
        Assert.Equal("0", refused.Headers.GetValues("RateLimit-Remaining").Single());
    }

    public async ValueTask DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        if (_first is not null)
        {
            await _first.DisposeAsync();
        }
    }
}
