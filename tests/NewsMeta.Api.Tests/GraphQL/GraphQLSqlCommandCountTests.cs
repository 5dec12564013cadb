using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.GraphQL;

/// <summary>
/// No N+1: the nested page the frontends use (articles with source, credits, keywords, entities, links
/// and link targets) runs the same fixed number of SQL commands for 5 articles as for 100.
/// </summary>
public sealed class GraphQLSqlCommandCountTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>, IAsyncLifetime
{
    // Four commands: the page of articles (with each one's stored document, which holds its source,
    // credits, keywords, entities and links), its totalCount, the entities' aliases and the links' targets.
    private const string NestedPage = """
        query($n: Int) { articles(first: $n) { totalCount pageInfo { hasNextPage endCursor }
          nodes { id title publishedAt source { name } credits { name } keywords { name }
                  entities { entity { name type aliases } mentions } links { kind title target { title } } } } }
        """;

    // The benchmark's nested page (S3 in the load harness), as its clients send it.
    private const string BenchmarkPage = """
        query($before: DateTime!) { articles(first: 20, where: { publishedBefore: $before }, orderBy: PUBLISHED_AT_DESC)
          { nodes { externalId title publishedAt entities { entity { name type } } keywords { name }
                    links { kind title target { externalId title } } } } }
        """;

    private readonly HttpClient _client = factory.ClientWithKey(NewsMetaFactory.WriteKey);

    /// <summary>Tops the 54 sample articles up to 150, each with credits, keywords, entities and links, so a page of 100 is full.</summary>
    public async ValueTask InitializeAsync()
    {
        var lines = new StringBuilder();
        for (var i = 0; i < 96; i++)
        {
            lines.AppendLine(JsonSerializer.Serialize(new
            {
                externalId = $"n1-load-{i}",
                title = $"مقال اختبار رقم {i}",
                body = "نص قصير عن بلدية الريان.",
                language = "ar",
                publishedAt = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(i),
                source = new { name = $"مصدر {i % 7}", kind = "site" },
                credits = new[] { new { name = "وكالة زهران للأنباء", kind = "agency" } },
                keywords = new[] { $"وسم {i % 11}", "اختبار" },
                entities = new[] { new { name = $"شخصية {i % 13}", type = "person" }, new { name = "بلدية الريان", type = "organization" } },
                links = new[] { new { externalId = $"n1-load-{(i + 1) % 96}", kind = "related" }, new { externalId = "nowhere", kind = "readAlso" } },
            }));
        }

        var response = await Ingestion.ImportExportTests.ImportAsync(_client, lines.ToString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Nested_article_page_runs_three_commands_for_5_and_for_100_articles()
    {
        // The page, its total and the entities' aliases; the links' targets are asked only for what a link
        // holds (their titles), so they are not loaded.
        var small = await CountAsync(NestedPage, 5);
        var large = await CountAsync(NestedPage, 100);
        Assert.Equal((3, 3), (small, large));
    }

    [Fact]
    public async Task Nested_connections_under_a_list_run_a_fixed_number_of_commands()
    {
        const string Query = "query($n: Int) { entities(first: $n) { nodes { name articles(first: 3) { totalCount nodes { title source { name } } } relatedEntities(first: 3) { count entity { name } } } } }";
        // entities + their article pages (with the stored documents, which name each source) + related counts + related entities.
        Assert.Equal((4, 4), (await CountAsync(Query, 2), await CountAsync(Query, 40)));
    }

    [Fact]
    public async Task Benchmark_page_runs_one_command()
    {
        var before = new DateTime(2026, 12, 1, 1, 0, 0, DateTimeKind.Utc);
        (await _client.GraphQLAsync(BenchmarkPage, new { before })).Data.ToString();
        factory.Sql.Reset();
        var nodes = (await _client.GraphQLAsync(BenchmarkPage, new { before })).Data["articles"]!["nodes"]!.AsArray();
        var count = factory.Sql.Count;
        Assert.Equal(20, nodes.Count);
        Assert.Contains(nodes, n => n!["links"]!.AsArray().Any(l => l!["target"] is JsonObject));
        // The page with each article's stored document (entities, keywords and links in it); a link carries its
        // target's externalId and title, all the page asks of the target, so the targets are not loaded.
        Assert.Equal(1, count);
    }

    private async Task<int> CountAsync(string query, int n)
    {
        (await _client.GraphQLAsync(query, new { n })).Data.ToString(); // warm up connections and EF's query cache
        factory.Sql.Reset();
        var data = (await _client.GraphQLAsync(query, new { n })).Data;
        var count = factory.Sql.Count;
        var list = data["articles"] ?? data["entities"];
        Assert.Equal(n, list!["nodes"]!.AsArray().Count);
        return count;
    }
}
