#if POSTGRES
using System.Net;
using System.Net.Http.Json;
using NewsMeta.Api.Tests.Infrastructure;
using Npgsql;

namespace NewsMeta.Api.Tests.Security;

/// <summary>
/// PostgreSQL goes away mid-run (every connection cut, new ones refused) and comes back: requests fail
/// fast with 503 problems, readiness says so, nothing is half-written, and service resumes without a restart.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly NewsMetaFactory _owner = new();
    private NewsMetaFactory _service = null!;
    private TcpProxy _proxy = null!;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _owner.CreateClient().Dispose(); // creates, migrates and seeds the database
        var direct = new NpgsqlConnectionStringBuilder(_owner.Database.ConnectionString);
        _proxy = new TcpProxy(direct.Host!, direct.Port);
        _service = new NewsMetaFactory { Database = _owner.Database };
        _service.Settings["ConnectionStrings:NewsMeta"] = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = _proxy.Port }.ConnectionString;
        _client = _service.ClientWithKey(NewsMetaFactory.WriteKey);
        // Well inside the test's patience: a request that hangs fails the test instead of passing late.
        _client.Timeout = TimeSpan.FromSeconds(20);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _service.DisposeAsync();
        await _proxy.DisposeAsync();
        await _owner.DisposeAsync();
    }

    [Fact]
    public async Task An_outage_is_503_everywhere_and_the_service_recovers_by_itself()
    {
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/v1/articles?limit=1", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/ready", Ct)).StatusCode);

        _proxy.Stop();
        var read = await _client.GetAsync("/api/v1/articles?limit=2", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
        Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(read.Headers.RetryAfter);
        var write = await _client.PutAsJsonAsync("/api/v1/articles/by-external-id/during-outage", new
        {
            title = "خبر أثناء الانقطاع",
            body = "نص.",
            language = "ar",
            publishedAt = "2026-11-27T09:00:00Z",
            source = new { name = "صحيفة الواحة", kind = "newspaper" },
        }, Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
        var graph = await _client.GraphQLAsync("{ articles(first: 3) { nodes { title } } }");
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE"), (graph.Status, graph.FirstCode));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _client.GetAsync("/health/ready", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/live", Ct)).StatusCode);

        _proxy.Start();
        // Pooled connections died with the outage; the pool drops them as they fail and opens new ones.
        var recovered = false;
        for (var attempt = 0; attempt < 20 && !recovered; attempt++)
        {
            recovered = (await _client.GetAsync("/api/v1/articles?limit=2", Ct)).StatusCode == HttpStatusCode.OK;
            if (!recovered)
            {
                await Task.Delay(250, Ct);
            }
        }

        Assert.True(recovered, "the service did not recover after the database came back");
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/health/ready", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/v1/articles/by-external-id/during-outage", Ct)).StatusCode);
    }
}
#endif
