using System.Net;
using System.Net.Http.Json;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.ScaleOut;

/// <summary>
/// Two instances on one database and one Redis (NEWSMETA_TEST_REDIS, e.g. 127.0.0.1:6390): anonymous
/// GET responses are served from the shared cache, and a write on either instance makes the other
/// answer fresh data at once (REST and GraphQL). Skipped when the variable is not set.
/// </summary>
public sealed class SharedResponseCacheTests : IAsyncDisposable
{
    private const string RedisVariable = "NEWSMETA_TEST_REDIS";
    private NewsMetaFactory? _first;
    private NewsMetaFactory? _second;

    // A fresh key prefix per pair: entries of other tests (other databases) cannot be served here.
    private readonly string _prefix = $"test-{Guid.NewGuid():N}:";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cached_rest_read_is_refreshed_on_the_other_instance_after_a_write()
    {
        var (a, b, writer) = Start();
        var url = "/api/v1/articles/by-external-id/shorouq-2026-03-10-budget-vote";
        var before = await (await a.GetAsync(url, Ct)).NodeAsync();
        _first!.Sql.Reset();
        Assert.Equal(HttpStatusCode.OK, (await a.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(0, _first.Sql.Count); // served from Redis, no SQL

        var record = TestJson.SampleRecords().Single(r => r["externalId"]!.GetValue<string>() == "shorouq-2026-03-10-budget-vote");
        record["title"] = "عنوان معدل عبر النسخة الثانية";
        Assert.Equal(HttpStatusCode.OK, (await writer.PutAsJsonAsync(url, record, Ct)).StatusCode);

        var after = await (await a.GetAsync(url, Ct)).NodeAsync();
        Assert.NotEqual(before["title"]!.GetValue<string>(), after["title"]!.GetValue<string>());
        Assert.Equal("عنوان معدل عبر النسخة الثانية", after["title"]!.GetValue<string>());
        _ = b;
    }

    [Fact]
    public async Task Cached_graphql_get_is_refreshed_after_a_mutation_on_the_other_instance()
    {
        var (a, _, writer) = Start();
        var url = $"/graphql?query={Uri.EscapeDataString("{ entity(databaseId: 2) { aliases } }")}";
        await a.GetAsync(url, Ct);
        _first!.Sql.Reset();
        await a.GetAsync(url, Ct);
        Assert.Equal(0, _first.Sql.Count);

        var alias = $"alias {Guid.NewGuid():N}";
        var payload = (await writer.GraphQLAsync("mutation($a: String!) { addEntityAlias(entityId: \"2\", alias: $a) { userErrors { field } } }", new { a = alias })).Data;
        Assert.Empty(payload["addEntityAlias"]!["userErrors"]!.AsArray());

        var fresh = await (await a.GetAsync(url, Ct)).NodeAsync();
        Assert.Contains(alias, fresh["data"]!["entity"]!["aliases"]!.AsArray().Select(x => x!.GetValue<string>()));
    }

    [Fact]
    public async Task Keyed_reads_are_cached_without_the_api_key_in_any_redis_key_name()
    {
        Start();
        var reader = _first!.ClientWithKey(NewsMetaFactory.ReadKey);
        var url = "/api/v1/articles?limit=3";
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(url, Ct)).StatusCode);
        _first.Sql.Reset();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(0, _first.Sql.Count); // the keyed read was stored and served from Redis

        await using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(Environment.GetEnvironmentVariable(RedisVariable)!);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var names = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: _prefix + "*", pageSize: 500))
        {
            names.Add(key.ToString());
        }

        Assert.NotEmpty(names);
        Assert.DoesNotContain(names, name => name.Contains(NewsMetaFactory.ReadKey, StringComparison.Ordinal));
        Assert.DoesNotContain(names, name => name.Contains("X-API-KEY", StringComparison.OrdinalIgnoreCase));
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

    /// <summary>Instance A (anonymous reader), instance B on the same database and Redis, and a writer on B.</summary>
    private (HttpClient A, HttpClient B, HttpClient Writer) Start()
    {
        var redis = Environment.GetEnvironmentVariable(RedisVariable);
        if (string.IsNullOrEmpty(redis))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException($"CI=true but {RedisVariable} is not set.");
            }

            Assert.Skip($"{RedisVariable} is not set: shared-cache tests skipped.");
        }

        var prefix = _prefix;
        _first = new NewsMetaFactory();
        _second = new NewsMetaFactory { Database = _first.Database };
        foreach (var factory in new[] { _first, _second })
        {
            factory.Settings["ConnectionStrings:Redis"] = redis;
            factory.Settings["Caching:RedisPrefix"] = prefix;
        }

        return (_first.CreateClient(), _second.CreateClient(), _second.ClientWithKey(NewsMetaFactory.WriteKey));
    }
}
