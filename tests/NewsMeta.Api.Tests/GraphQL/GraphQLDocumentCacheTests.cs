using Microsoft.Extensions.DependencyInjection;
using NewsMeta.Api.GraphQL.DocumentCache;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.GraphQL;

/// <summary>
/// A repeated query text is served its parsed, validated document from the cache; what depends on the
/// request (variables, the cost analysis, the operation chosen) is still checked every time.
/// </summary>
public sealed class GraphQLDocumentCacheTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _client = factory.ClientWithKey(NewsMetaFactory.ReadKey);

    private ValidatedDocumentCache Cache => factory.Services.GetRequiredService<ValidatedDocumentCache>();

    [Fact]
    public async Task Repeated_query_text_uses_the_cached_document_and_answers_the_same()
    {
        const string query = "query Newest($n: Int) { articles(first: $n) { nodes { title } } }";
        var first = await _client.GraphQLAsync(query, new { n = 2 });
        var hits = Cache.Hits;
        var second = await _client.GraphQLAsync(query, new { n = 2 });
        var third = await _client.GraphQLAsync(query, new { n = 3 });

        Assert.Equal(hits + 2, Cache.Hits);
        Assert.Equal(first.Data.ToJsonString(), second.Data.ToJsonString());
        Assert.Equal(3, third.Data["articles"]!["nodes"]!.AsArray().Count);
        // The cost analysis still runs on a cached document: it reads this request's variables.
        Assert.NotNull(second.Body["extensions"]?["cost"]);
        Assert.True(third.Body["extensions"]!["cost"]!["requested"]!.GetValue<double>() > second.Body["extensions"]!["cost"]!["requested"]!.GetValue<double>());
    }

    [Fact]
    public async Task Invalid_document_is_not_cached_and_fails_every_time()
    {
        const string query = "{ articles(first: 1) { nodes { noSuchField } } }";
        var hits = Cache.Hits;
        var first = await _client.GraphQLAsync(query);
        var second = await _client.GraphQLAsync(query);

        Assert.Equal(hits, Cache.Hits);
        Assert.NotEmpty(first.Errors);
        Assert.Equal(first.Errors.ToJsonString(), second.Errors.ToJsonString());
    }

    [Fact]
    public async Task Cached_document_still_refuses_variables_of_the_wrong_type()
    {
        const string query = "query Typed($n: Int) { articles(first: $n) { nodes { id } } }";
        Assert.Null((await _client.GraphQLAsync(query, new { n = 1 })).Body["errors"]);
        var hits = Cache.Hits;
        var wrong = await _client.GraphQLAsync(query, new { n = "many" });

        Assert.Equal(hits + 1, Cache.Hits);
        Assert.NotEmpty(wrong.Errors);
    }

    [Fact]
    public async Task Each_operation_of_a_document_is_cached_under_its_own_name()
    {
        const string query = "query A { articles(first: 1) { nodes { id } } } query B { entities(first: 1) { nodes { name } } }";
        Assert.NotNull((await _client.GraphQLAsync(query, operationName: "A")).Data["articles"]);
        var hits = Cache.Hits;
        var b = await _client.GraphQLAsync(query, operationName: "B");

        Assert.Equal(hits, Cache.Hits);
        Assert.NotNull(b.Data["entities"]);
        Assert.NotNull((await _client.GraphQLAsync(query, operationName: "B")).Data["entities"]);
        Assert.Equal(hits + 1, Cache.Hits);
    }
}
