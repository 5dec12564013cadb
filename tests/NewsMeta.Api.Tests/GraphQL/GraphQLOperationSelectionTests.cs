using System.Net;
using System.Net.Http.Json;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.GraphQL;

/// <summary>
/// The transport's decisions (GET is for queries, which key scope, cacheability) follow the operation the
/// executor runs: one parse, one selection, with the spec's rules for operationName.
/// </summary>
public sealed class GraphQLOperationSelectionTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    /// <summary>A query and a mutation that would add a visible alias to entity 1.</summary>
    private const string Mixed = "query Reads { sources(first: 1) { totalCount } } mutation Writes($a: String!) { addEntityAlias(entityId: \"1\", alias: $a) { userErrors { field } } }";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_selecting_the_mutation_is_405_and_runs_nothing()
    {
        var alias = NewAlias();
        var response = await GetAsync(Mixed, "Writes", alias);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("METHOD_NOT_ALLOWED", response.FirstCode);
        Assert.Equal("no-store", response.Http.Headers.CacheControl!.ToString());
        Assert.False(await AliasExistsAsync(alias));
    }

    [Fact]
    public async Task Get_selecting_the_query_runs_it_and_is_cacheable()
    {
        var response = await GetAsync(Mixed, "Reads", NewAlias());
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(response.Data["sources"]!["totalCount"]!.GetValue<int>() > 0);
        Assert.NotNull(response.Http.Headers.ETag);
        Assert.True(response.Http.Headers.CacheControl!.Public);
    }

    [Fact]
    public async Task Several_operations_without_operationName_are_a_request_error_over_get_and_post()
    {
        var alias = NewAlias();
        var get = await GetAsync(Mixed, operationName: null, alias);
        var post = await factory.ClientWithKey(NewsMetaFactory.WriteKey).GraphQLAsync(Mixed, new { a = alias });
        foreach (var response in new[] { get, post })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal("NO_OPERATION_NAME", response.FirstCode);
            Assert.Null(response.Body["data"]);
            Assert.Equal("no-store", response.Http.Headers.CacheControl!.ToString());
        }

        Assert.False(await AliasExistsAsync(alias));
    }

    [Fact]
    public async Task An_operationName_the_document_lacks_is_a_request_error()
    {
        var response = await GetAsync(Mixed, "Missing", NewAlias());
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("INVALID_OPERATION_NAME", response.FirstCode);
    }

    [Fact]
    public async Task An_empty_operationName_counts_as_none_so_a_lone_mutation_still_needs_the_write_key()
    {
        // The executor reads "" as no name and runs the only operation: the transport must see the same mutation.
        var alias = NewAlias();
        var body = new { query = "mutation($a: String!) { addEntityAlias(entityId: \"1\", alias: $a) { userErrors { field } } }", variables = new { a = alias }, operationName = "" };
        var anonymous = await GraphQLClient.ReadAsync(await factory.CreateClient().PostAsJsonAsync("/graphql", body, Ct));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
        Assert.False(await AliasExistsAsync(alias));

        var reader = await GraphQLClient.ReadAsync(await factory.ClientWithKey(NewsMetaFactory.ReadKey).PostAsJsonAsync("/graphql", body, Ct));
        Assert.Equal(HttpStatusCode.Forbidden, reader.Status);
        Assert.False(await AliasExistsAsync(alias));

        var writer = await GraphQLClient.ReadAsync(await factory.ClientWithKey(NewsMetaFactory.WriteKey).PostAsJsonAsync("/graphql", body, Ct));
        Assert.Empty(writer.Data["addEntityAlias"]!["userErrors"]!.AsArray());
        Assert.True(await AliasExistsAsync(alias));
    }

    [Fact]
    public async Task Post_selecting_the_mutation_runs_it_with_the_write_key_only()
    {
        var alias = NewAlias();
        var reader = await factory.ClientWithKey(NewsMetaFactory.ReadKey).GraphQLAsync(Mixed, new { a = alias }, "Writes");
        Assert.Equal(HttpStatusCode.Forbidden, reader.Status);
        Assert.False(await AliasExistsAsync(alias));

        var writer = await factory.ClientWithKey(NewsMetaFactory.WriteKey).GraphQLAsync(Mixed, new { a = alias }, "Writes");
        Assert.Empty(writer.Data["addEntityAlias"]!["userErrors"]!.AsArray());
        Assert.Equal("no-store", writer.Http.Headers.CacheControl!.ToString());
        Assert.True(await AliasExistsAsync(alias));
    }

    private static string NewAlias() => $"alias {Guid.NewGuid():N}";

    private async Task<GraphQLResponse> GetAsync(string query, string? operationName, string alias)
    {
        var url = $"/graphql?query={Uri.EscapeDataString(query)}&variables={Uri.EscapeDataString($$"""{"a":"{{alias}}"}""")}"
            + (operationName is null ? "" : $"&operationName={operationName}");
        return await GraphQLClient.ReadAsync(await factory.ClientWithKey(NewsMetaFactory.WriteKey).GetAsync(url, Ct));
    }

    private async Task<bool> AliasExistsAsync(string alias)
    {
        var entity = await factory.CreateClient().GraphQLAsync("{ entity(databaseId: 1) { aliases } }");
        return entity.Data["entity"]!["aliases"]!.AsArray().Any(a => a!.GetValue<string>() == alias);
    }
}
