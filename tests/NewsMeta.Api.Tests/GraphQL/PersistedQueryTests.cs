using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.GraphQL;

/// <summary>Automatic persisted queries: unknown hash → register → GET by hash (cacheable).</summary>
public sealed class PersistedQueryTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hash_round_trip_then_get_by_hash_with_etag()
    {
        const string Query = "query Latest { articles(first: 3) { nodes { databaseId title } } }";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Query)));
        var extensions = Uri.EscapeDataString($$$"""{"persistedQuery":{"version":1,"sha256Hash":"{{{hash}}}"}}""");
        var byHash = $"/graphql?extensions={extensions}";

        var unknown = await GraphQLClient.ReadAsync(await _client.GetAsync(byHash, Ct));
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", unknown.FirstCode);
        Assert.Equal("no-store", unknown.Http.Headers.CacheControl!.ToString());

        var registered = await GraphQLClient.ReadAsync(await _client.GetAsync($"/graphql?query={Uri.EscapeDataString(Query)}&extensions={extensions}", Ct));
        Assert.Equal(3, registered.Data["articles"]!["nodes"]!.AsArray().Count);

        var served = await GraphQLClient.ReadAsync(await _client.GetAsync(byHash, Ct));
        Assert.Equal(HttpStatusCode.OK, served.Status);
        Assert.Equal(registered.Data.ToJsonString(), served.Data.ToJsonString());
        Assert.NotNull(served.Http.Headers.ETag);
        Assert.Contains("public", served.Http.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hash_registered_by_post_serves_a_later_post_without_the_text()
    {
        const string Query = "{ sources(first: 2) { nodes { name } } }";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Query)));
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } };
        await _client.PostAsJsonAsync("/graphql", new { query = Query, extensions }, Ct);
        var response = await GraphQLClient.ReadAsync(await _client.PostAsJsonAsync("/graphql", new { extensions }, Ct));
        Assert.Equal(2, response.Data["sources"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Hash_that_is_not_the_query_hash_is_400()
    {
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = new string('a', 64) } };
        var response = await GraphQLClient.ReadAsync(await _client.PostAsJsonAsync("/graphql", new { query = "{ sources { totalCount } }", extensions }, Ct));
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("PERSISTED_QUERY_HASH_MISMATCH", response.FirstCode);
    }

    [Fact]
    public async Task Malformed_persisted_query_extension_is_400()
    {
        var extensions = new { persistedQuery = new { version = 2, sha256Hash = "xyz" } };
        var response = await GraphQLClient.ReadAsync(await _client.PostAsJsonAsync("/graphql", new { extensions }, Ct));
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("PERSISTED_QUERY_INVALID", response.FirstCode);
    }
}
