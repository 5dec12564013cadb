using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.GraphQL;

/// <summary>The committed schema.graphql is the live schema, and the IDE (GraphiQL) is served from the app itself.</summary>
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
    public async Task Ide_page_and_its_files_are_served_from_the_app_with_caching_for_hashed_names()
    {
        var page = await _client.GetAsync("/graphql/ui", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.True(page.Headers.CacheControl!.NoCache, "the page names the current bundle, so it is revalidated");
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);

        // Revalidating costs no body.
        using var again = new HttpRequestMessage(HttpMethod.Get, "/graphql/ui");
        again.Headers.IfNoneMatch.Add(page.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await _client.SendAsync(again, Ct)).StatusCode);

        var script = Assert.Single(PageFile().Matches(html), m => m.Groups[1].Value.EndsWith(".js", StringComparison.Ordinal)).Groups[1].Value;
        var stylesheet = Assert.Single(PageFile().Matches(html), m => m.Groups[1].Value.EndsWith(".css", StringComparison.Ordinal)).Groups[1].Value;
        var css = await AssertHashedFileAsync(stylesheet, "text/css");
        Assert.DoesNotContain("url(http", css, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", css, StringComparison.Ordinal);

        // Monaco's workers (GraphQL completion and validation, JSON) load from this origin, by the names the script holds.
        var code = await AssertHashedFileAsync(script, "text/javascript");
        var workers = Worker().Matches(code).Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.Equal(["editor", "graphql", "json"], workers.Select(w => w[..w.IndexOf('.', StringComparison.Ordinal)]).Order());
        foreach (var worker in workers)
        {
            await AssertHashedFileAsync("/graphql/ui/" + worker, "text/javascript");
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/graphql/ui/app.js", Ct)).StatusCode);
    }

    private async Task<string> AssertHashedFileAsync(string path, string mediaType)
    {
        var response = await _client.GetAsync(path, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(text.Length > 1000, $"{path} is {text.Length} characters");
        return text;
    }

    [Fact]
    public async Task The_IDE_s_own_introspection_query_is_answered_so_its_docs_load()
    {
        // Introspection is answered from memory, so the cost limit must not refuse it (it did: cost 665142 of 50000),
        // and the IDE's query stays within the depth limit (GraphiQL's default one is 15 levels deep; the limit is 12).
        var query = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root(), "src", "graphiql", "src", "introspection.graphql"), Ct);
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

    /// <summary>A file the page loads: its stylesheet or its script.</summary>
    [GeneratedRegex("(?:href|src)=\"(/graphql/ui/[^\"]+)\"")]
    private static partial Regex PageFile();

    /// <summary>A worker file named in the bundled script (build.mjs writes them as ./NAME.worker-HASH.js).</summary>
    [GeneratedRegex("""\./([a-z]+\.worker-[A-Z0-9]+\.js)""")]
    private static partial Regex Worker();
}
