using System.Net;
using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Service;

public sealed class ServiceEndpointTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_report_healthy(string url)
    {
        var response = await _client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Swagger_ui_is_served()
    {
        var response = await _client.GetAsync("/swagger/index.html", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger-ui", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Swagger_ui_links_a_stylesheet_that_lays_out_Arabic_values_right_to_left()
    {
        var ct = TestContext.Current.CancellationToken;
        var html = await _client.GetStringAsync("/swagger/index.html", ct);
        Assert.Matches("<link[^>]+href=./swagger/newsmeta\\.css", html);

        var css = await _client.GetAsync("/swagger/newsmeta.css", ct);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Contains("unicode-bidi: plaintext", await css.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpenApi_document_documents_every_operation()
    {
        var doc = await (await _client.GetAsync("/swagger/v1/swagger.json", TestContext.Current.CancellationToken)).NodeAsync();
        var operations = doc["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!.AsObject())))
            .ToList();
        var expected = new[]
        {
            "listArticles", "getArticle", "getArticleByExternalId", "listArticleLinks", "upsertArticle", "deleteArticle",
            "importArticles", "exportArticles", "listEntities", "getEntity", "listEntityArticles", "listRelatedEntities",
            "createEntity", "updateEntity", "addEntityAliases", "mergeEntities", "listSourceCreditedArticles", "listChanges", "getArticleFacets", "createWebhook", "listWebhooks", "getWebhook", "deleteWebhook", "listWebhookDeliveries",
            "listKeywords", "getKeyword", "listKeywordArticles", "listSources", "getSource", "listSourceArticles", "searchArticles", "importPage",
        };
        var ids = operations.Select(o => o.Operation["operationId"]?.GetValue<string>() ?? "").ToHashSet();
        // Every contract operation is there under its name (new ones may be added).
        Assert.Superset(expected.ToHashSet(), ids);
        foreach (var (path, method, operation) in operations.Where(o => o.Path.StartsWith("/api/", StringComparison.Ordinal)))
        {
            Assert.False(string.IsNullOrWhiteSpace(operation["operationId"]?.GetValue<string>()), $"{method} {path} has no operationId");
            Assert.False(string.IsNullOrWhiteSpace(operation["summary"]?.GetValue<string>()), $"{method} {path} has no summary");
            Assert.False(string.IsNullOrWhiteSpace(operation["description"]?.GetValue<string>()), $"{method} {path} has no description");
        }

        var list = operations.Single(o => o.Operation["operationId"]?.GetValue<string>() == "listArticles").Operation;
        var parameters = list["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        Assert.Superset(new HashSet<string> { "entity", "keyword", "source", "credit", "isRepublication", "language", "publishedFrom", "publishedTo", "updatedSince", "sort", "limit", "cursor" }, parameters.ToHashSet());
        Assert.NotNull(doc["components"]!["securitySchemes"]!["ApiKey"]);
        Assert.NotNull(doc["components"]!["schemas"]!["ArticleDto"]);
    }

    [Fact]
    public async Task Unknown_paths_are_404_problems()
    {
        var response = await _client.GetAsync("/api/v1/nothing-here", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
