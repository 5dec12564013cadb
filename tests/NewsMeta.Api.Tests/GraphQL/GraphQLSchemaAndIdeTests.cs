using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.GraphQL;

/// <summary>The committed schema.graphql is the live schema, and the IDE is served from the app itself.</summary>
public sealed partial class GraphQLSchemaAndIdeTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private const string Regenerate = "dotnet run --project src/NewsMeta.Api --no-launch-profile -- schema > src/NewsMeta.Api/GraphQL/schema.graphql";
    private readonly HttpClient _client = factory.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Committed_schema_file_matches_the_live_schema()
    {
        var live = await _client.GetStringAsync("/graphql/schema.graphql", Ct);
        var committed = (await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root(), "src", "NewsMeta.Api", "GraphQL", "schema.graphql"), Ct)).ReplaceLineEndings("\n");
        Assert.True(committed == live,
            $"src/NewsMeta.Api/GraphQL/schema.graphql differs from the live schema. If the change is intended, regenerate it from the repository root with:\n  {Regenerate}\nand commit the file.");
    }

    [Fact]
    public async Task Schema_has_the_contract_names()
    {
        var sdl = await _client.GetStringAsync("/graphql/schema.graphql", Ct);
        foreach (var expected in new[]
        {
            "interface Node", "type Article implements Node", "type Entity implements Node", "type Keyword implements Node", "type Source implements Node",
            "type ArticleLink", "type EntityMention", "enum EntityType", "enum LinkKind", "enum SourceKind", "input ArticleFilter", "enum ArticleOrder",
            "PUBLISHED_AT_DESC", "READ_ALSO", "ORGANIZATION", "upsertArticle(input: UpsertArticleInput!): UpsertArticlePayload!", "deleteArticle(",
            "upsertEntity(", "addEntityAlias(", "mergeEntities(", "totalCount: Int!", "pageInfo: PageInfo!", "updatedSince: DateTime",
        })
        {
            Assert.Contains(expected, sdl, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Ide_page_and_assets_are_served_without_outside_resources()
    {
        var page = await _client.GetAsync("/graphql/ui", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("/graphql/ui/app.js", html, StringComparison.Ordinal);
        foreach (var asset in new[] { "/graphql/ui/app.js", "/graphql/ui/app.css" })
        {
            var response = await _client.GetAsync(asset, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = await response.Content.ReadAsStringAsync(Ct);
            Assert.True(text.Length > 500);
            Assert.DoesNotContain("https://", text, StringComparison.Ordinal);
            Assert.DoesNotContain("http://", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_IDE_s_own_introspection_query_is_answered_so_its_docs_load()
    {
        // Introspection is answered from memory, so the cost limit must not refuse it (it did: cost 665142 of 50000).
        var script = await _client.GetStringAsync("/graphql/ui/app.js", Ct);
        var query = IntrospectionQuery().Match(script).Groups[1].Value;
        Assert.Contains("__schema", query, StringComparison.Ordinal);

        var response = await _client.PostAsJsonAsync("/graphql", new { query, operationName = "IntrospectionQuery" }, Ct);
        var body = await response.NodeAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        Assert.Null(body["errors"]);
        Assert.Contains(body["data"]!["__schema"]!["types"]!.AsArray(), t => t!["name"]!.GetValue<string>() == "Article");

        // Data fields keep their cost next to introspection.
        var costly = await _client.PostAsJsonAsync("/graphql", new { query = "{ __typename entities(first: 100) { nodes { articles(first: 100) { nodes { title keywords { name } } } } } }" }, Ct);
        Assert.Equal("QUERY_TOO_COMPLEX", (await costly.NodeAsync())["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [GeneratedRegex("const INTROSPECTION_QUERY = `([^`]+)`")]
    private static partial Regex IntrospectionQuery();
}
