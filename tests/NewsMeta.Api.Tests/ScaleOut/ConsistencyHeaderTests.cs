using System.Net;
using System.Net.Http.Json;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.ScaleOut;

/// <summary>
/// The read-your-writes header on one database (both providers): successful writes answer with it, reads
/// accept it back, and a token NewsMeta did not write is a 400 problem. Against a real lagging replica:
/// ReplicaConsistencyTests (PostgreSQL project only).
/// </summary>
public sealed class ConsistencyHeaderTests : IAsyncDisposable
{
    private const string Header = "X-NewsMeta-Consistency";
    private readonly NewsMetaFactory _factory = new() { Settings = { ["Caching:InProcess"] = "true" } };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_rest_write_answers_with_a_token_and_a_read_carrying_it_sees_the_write()
    {
        var client = _factory.ClientWithKey(NewsMetaFactory.WriteKey);
        var record = TestJson.SampleRecords()[0];
        var url = $"/api/v1/articles/by-external-id/{record["externalId"]!.GetValue<string>()}";
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url, Ct)).StatusCode); // cached before the write
        record["title"] = "عنوان بعد الكتابة مع رمز الاتساق";

        var put = await client.PutAsJsonAsync(url, record, Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var token = Assert.Single(put.Headers.GetValues(Header));
        Assert.Matches(_factory.Database.IsPostgres ? "^v1\\.[0-9a-f]+\\.[0-9a-f]+$" : "^v1\\.-\\.[0-9a-f]+$", token);

        using var read = new HttpRequestMessage(HttpMethod.Get, url);
        read.Headers.Add(Header, token);
        var article = await (await client.SendAsync(read, Ct)).NodeAsync();
        Assert.Equal("عنوان بعد الكتابة مع رمز الاتساق", article["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_delete_and_a_graphql_mutation_answer_with_a_token_but_reads_and_failed_writes_do_not()
    {
        var client = _factory.ClientWithKey(NewsMetaFactory.WriteKey);
        var list = await (await client.GetAsync("/api/v1/articles?limit=1", Ct)).NodeAsync();
        var id = list["items"]![0]!["id"]!.GetValue<int>();

        var delete = await client.DeleteAsync($"/api/v1/articles/{id}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.True(delete.Headers.Contains(Header));

        var mutation = await client.PostAsJsonAsync("/graphql", new { query = "mutation { addEntityAlias(entityId: \"1\", alias: \"consistency alias\") { userErrors { field } } }" }, Ct);
        Assert.Equal(HttpStatusCode.OK, mutation.StatusCode);
        Assert.Matches("^v1\\.", Assert.Single(mutation.Headers.GetValues(Header)));

        // A GraphQL query sent by POST is a read, whether it runs or the cache answers it the second time.
        for (var i = 0; i < 2; i++)
        {
            var query = await client.PostAsJsonAsync("/graphql", new { query = "{ sources(first: 1) { totalCount } }" }, Ct);
            Assert.Equal(HttpStatusCode.OK, query.StatusCode);
            Assert.False(query.Headers.Contains(Header));
        }

        Assert.False((await client.GetAsync("/api/v1/articles?limit=1", Ct)).Headers.Contains(Header));

        var invalid = await client.PutAsJsonAsync("/api/v1/articles/by-external-id/consistency-invalid", new { title = "" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.False(invalid.Headers.Contains(Header));
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("v1.zz.abc")]
    [InlineData("v2.0.abc")]
    [InlineData("v1.0/16B3748.abc")]
    public async Task A_token_newsmeta_did_not_write_is_a_400_problem(string token)
    {
        var client = _factory.ClientWithKey(NewsMetaFactory.WriteKey);
        using var rest = new HttpRequestMessage(HttpMethod.Get, "/api/v1/articles?limit=1");
        rest.Headers.TryAddWithoutValidation(Header, token);
        var refused = await client.SendAsync(rest, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains(Header, (await refused.NodeAsync())["detail"]!.GetValue<string>());

        using var graphql = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "{ sources(first: 1) { totalCount } }" }) };
        graphql.Headers.TryAddWithoutValidation(Header, token);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(graphql, Ct)).StatusCode);
    }

    [Fact]
    public async Task Two_tokens_in_one_request_are_refused()
    {
        var client = _factory.ClientWithKey(NewsMetaFactory.WriteKey);
        var token = Assert.Single((await client.PostAsJsonAsync("/graphql", new { query = "mutation { addEntityAlias(entityId: \"1\", alias: \"two tokens\") { userErrors { field } } }" }, Ct)).Headers.GetValues(Header));
        using var read = new HttpRequestMessage(HttpMethod.Get, "/api/v1/articles?limit=1");
        read.Headers.Add(Header, [token, token]);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(read, Ct)).StatusCode);
        Assert.StartsWith("v1.", token, StringComparison.Ordinal);
    }
}
