using System.Net;
using System.Net.Http.Headers;
using System.Text;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.GraphQL;

/// <summary>The GraphQL-over-HTTP rules: methods, media types, status codes, batching, GET caching.</summary>
public sealed class GraphQLTransportTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private const string SmallQuery = "{ articles(first: 1) { nodes { databaseId title } } }";
    private readonly HttpClient _client = factory.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Post_json_answers_graphql_response_json_with_data()
    {
        var response = await _client.GraphQLAsync(SmallQuery);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/graphql-response+json", response.Http.Content.Headers.ContentType!.MediaType);
        Assert.Single(response.Data["articles"]!["nodes"]!.AsArray());
        Assert.Equal("no-store", response.Http.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task Client_accepting_only_application_json_gets_application_json()
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", Json($$"""{"query":"{{SmallQuery}}"}"""), "application/json");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("application/json", response.Http.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Accept_without_a_json_type_is_406()
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", Json($$"""{"query":"{{SmallQuery}}"}"""), "text/html");
        Assert.Equal(HttpStatusCode.NotAcceptable, response.Status);
        Assert.Equal("NOT_ACCEPTABLE", response.FirstCode);
    }

    [Fact]
    public async Task Post_with_another_content_type_is_415()
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", new StringContent(SmallQuery, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.Status);
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", response.FirstCode);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("\"a string\"")]
    [InlineData("{\"query\": 42}")]
    [InlineData("{\"variables\": {}}")]
    [InlineData("[]")]
    public async Task Unreadable_request_is_400(string body)
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql", Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("BAD_REQUEST", response.FirstCode);
        Assert.Null(response.Body["data"]);
    }

    [Fact]
    public async Task Syntax_error_is_400_with_graphql_response_json_and_200_with_application_json()
    {
        var strict = await _client.GraphQLAsync("{ articles { ");
        Assert.Equal(HttpStatusCode.BadRequest, strict.Status);
        Assert.Equal("SYNTAX_ERROR", strict.FirstCode);

        var legacy = await SendAsync(HttpMethod.Post, "/graphql", Json("""{"query":"{ articles { "}"""), "application/json");
        Assert.Equal(HttpStatusCode.OK, legacy.Status);
        Assert.Equal("SYNTAX_ERROR", legacy.FirstCode);
    }

    [Fact]
    public async Task Validation_error_is_400_without_data()
    {
        var response = await _client.GraphQLAsync("{ articles { nope } }");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", response.FirstCode);
        Assert.Null(response.Body["data"]);
        Assert.DoesNotContain("stackTrace", response.Body.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Wrong_variable_type_is_400()
    {
        var response = await _client.GraphQLAsync("query($n: Int) { articles(first: $n) { totalCount } }", new { n = "many" });
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.NotNull(response.FirstCode);
    }

    [Fact]
    public async Task Get_runs_queries_with_variables_and_operation_name()
    {
        var query = Uri.EscapeDataString("query Other { sources { totalCount } } query Pick($n: Int) { articles(first: $n) { nodes { databaseId } } }");
        var variables = Uri.EscapeDataString("""{"n": 3}""");
        var response = await SendAsync(HttpMethod.Get, $"/graphql?query={query}&variables={variables}&operationName=Pick");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(3, response.Data["articles"]!["nodes"]!.AsArray().Count);
    }

    [Fact]
    public async Task Get_query_is_cacheable_with_an_etag_and_revalidates_to_304()
    {
        var url = $"/graphql?query={Uri.EscapeDataString(SmallQuery)}";
        var first = await SendAsync(HttpMethod.Get, url);
        Assert.Equal(HttpStatusCode.OK, first.Status);
        var etag = first.Http.Headers.ETag;
        Assert.NotNull(etag);
        Assert.True(first.Http.Headers.CacheControl!.Public);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        var revalidated = await _client.SendAsync(again, Ct);
        Assert.Equal(HttpStatusCode.NotModified, revalidated.StatusCode);
    }

    [Fact]
    public async Task Mutation_over_get_is_405_and_not_executed()
    {
        var query = Uri.EscapeDataString("mutation { deleteArticle(id: \"1\") { deletedDatabaseId } }");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/graphql?query={query}");
        request.Headers.Add("X-Api-Key", NewsMetaFactory.WriteKey);
        var response = await GraphQLClient.ReadAsync(await _client.SendAsync(request, Ct));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("METHOD_NOT_ALLOWED", response.FirstCode);
        Assert.Contains("POST", response.Http.Content.Headers.Allow);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/v1/articles/1", Ct)).StatusCode);
    }

    [Fact]
    public async Task Batch_answers_each_operation_in_order()
    {
        var response = await SendAsync(HttpMethod.Post, "/graphql",
            Json("""[{"query":"{ sources(first: 1) { totalCount } }"},{"query":"{ articles(first: 2) { nodes { databaseId } } }"},{"query":"{ nope }"}]"""));
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var results = response.Body.AsArray();
        Assert.Equal(3, results.Count);
        Assert.True(results[0]!["data"]!["sources"]!["totalCount"]!.GetValue<int>() > 0);
        Assert.Equal(2, results[1]!["data"]!["articles"]!["nodes"]!.AsArray().Count);
        Assert.Equal("FIELDS_ON_CORRECT_TYPE", results[2]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Batch_larger_than_the_limit_is_400()
    {
        var items = string.Join(",", Enumerable.Repeat("""{"query":"{ sources { totalCount } }"}""", 11));
        var response = await SendAsync(HttpMethod.Post, "/graphql", Json($"[{items}]"));
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("1 to 10", response.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task<GraphQLResponse> SendAsync(HttpMethod method, string url, HttpContent? content = null, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        return await GraphQLClient.ReadAsync(await _client.SendAsync(request, Ct));
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
