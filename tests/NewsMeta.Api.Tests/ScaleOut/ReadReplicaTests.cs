#if POSTGRES
using System.Net;
using System.Net.Http.Json;
using NewsMeta.Api.Tests.Infrastructure;
using Npgsql;

namespace NewsMeta.Api.Tests.ScaleOut;

/// <summary>
/// With ConnectionStrings:NewsMetaReadOnly set, reads go there and writes to the primary. The "replica"
/// is the same database seen through a role that may only SELECT: a write sent to it would fail.
/// </summary>
public sealed class ReadReplicaTests : IAsyncLifetime
{
    private readonly NewsMetaFactory _primaryOnly = new();
    private readonly ConnectionRoleRecorder _roles = new();
    private readonly string _reader = $"newsmeta_reader_{Guid.NewGuid():N}"[..40];
    private NewsMetaFactory _routed = null!;
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _primaryOnly.CreateClient().Dispose(); // creates, migrates and seeds the database
        await ExecuteAsync(_primaryOnly.Database.ConnectionString,
            $"CREATE ROLE {_reader} LOGIN PASSWORD 'reader'",
            $"GRANT CONNECT ON DATABASE \"{_primaryOnly.Database.PostgresName}\" TO {_reader}",
            $"GRANT USAGE ON SCHEMA public TO {_reader}",
            $"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {_reader}");
        var replica = new NpgsqlConnectionStringBuilder(_primaryOnly.Database.ConnectionString) { Username = _reader, Password = "reader" }.ConnectionString;
        _routed = new NewsMetaFactory { Database = _primaryOnly.Database };
        _routed.Settings["ConnectionStrings:NewsMetaReadOnly"] = replica;
        _routed.Interceptors.Add(_roles);
        _client = _routed.ClientWithKey(NewsMetaFactory.WriteKey);
    }

    public async ValueTask DisposeAsync()
    {
        await _routed.DisposeAsync();
        await _primaryOnly.DisposeAsync(); // drops the database, and with it every grant to the reader
        await ExecuteAsync($"{TestDatabase.PostgresServer};Database=postgres", $"DROP ROLE IF EXISTS {_reader}");
    }

    [Fact]
    public async Task The_reader_role_really_cannot_write()
    {
        var replica = new NpgsqlConnectionStringBuilder(_primaryOnly.Database.ConnectionString) { Username = _reader, Password = "reader" }.ConnectionString;
        var failure = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(replica, "DELETE FROM \"Articles\""));
        Assert.Equal("42501", failure.SqlState); // insufficient_privilege
    }

    [Fact]
    public async Task Rest_reads_use_the_replica_and_writes_the_primary()
    {
        _roles.Reset();
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/v1/articles?limit=5", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/v1/entities/1", Ct)).StatusCode);
        Assert.NotEmpty(_roles.Roles);
        Assert.All(_roles.Roles, role => Assert.Equal(_reader, role));

        _roles.Reset();
        var put = await _client.PutAsJsonAsync("/api/v1/articles/by-external-id/replica-write-1", new
        {
            title = "اختبار التوجيه إلى القاعدة الرئيسية",
            body = "نص",
            language = "ar",
            publishedAt = "2026-11-25T10:00:00Z",
            source = new { name = "موقع الأفق الإخباري", kind = "site" },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.All(_roles.Roles, role => Assert.Equal("newsmeta", role));

        // The very next read (through the replica role) sees it: same database, no lag in this setup.
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/v1/articles/by-external-id/replica-write-1", Ct)).StatusCode);
    }

    [Fact]
    public async Task Graphql_queries_use_the_replica_and_mutations_the_primary()
    {
        _roles.Reset();
        (await _client.GraphQLAsync("{ articles(first: 3) { totalCount nodes { title source { name } } } }")).Data.ToString();
        Assert.NotEmpty(_roles.Roles);
        Assert.All(_roles.Roles, role => Assert.Equal(_reader, role));

        _roles.Reset();
        var payload = (await _client.GraphQLAsync("mutation { addEntityAlias(entityId: \"1\", alias: \"replica test alias\") { entity { aliases } userErrors { field } } }")).Data;
        Assert.Empty(payload["addEntityAlias"]!["userErrors"]!.AsArray());
        Assert.All(_roles.Roles, role => Assert.Equal("newsmeta", role));
    }

    [Fact]
    public async Task Persisted_query_registration_over_get_writes_to_the_primary()
    {
        const string Query = "{ sources(first: 1) { totalCount } }";
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Query)));
        var extensions = Uri.EscapeDataString($$$"""{"persistedQuery":{"version":1,"sha256Hash":"{{{hash}}}"}}""");
        var registered = await GraphQLClient.ReadAsync(await _client.GetAsync($"/graphql?query={Uri.EscapeDataString(Query)}&extensions={extensions}", Ct));
        Assert.NotNull(registered.Data["sources"]);
        var byHash = await GraphQLClient.ReadAsync(await _client.GetAsync($"/graphql?extensions={extensions}", Ct));
        Assert.NotNull(byHash.Data["sources"]);
    }

    private static async Task ExecuteAsync(string connectionString, params string[] statements)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var sql in statements)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync();
        }
    }
}
#endif
