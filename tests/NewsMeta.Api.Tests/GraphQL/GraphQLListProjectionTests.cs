using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using NewsMeta.Api.Common;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.GraphQL;

/// <summary>
/// Lists of objects are completed in one pass over their selection (GraphQL/Projection). Two instances on
/// one database, one projecting and one completing node by node (GraphQL:ProjectLists=false), must give
/// byte-identical answers with no more SQL statements, for fixed queries that reach every
/// corner (merged fields, directives, fragments on the interface, loaders inside lists, errors) and for
/// random selections.
/// </summary>
public sealed class GraphQLListProjectionTests : IAsyncLifetime
{
    private readonly NewsMetaFactory _projecting = new();
    private NewsMetaFactory _nodeByNode = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Queries => new()
    {
        { "the nested page", """
            { articles(first: 20) { nodes { externalId title publishedAt entities { entity { name type } } keywords { name }
              links { kind title target { externalId title } } } } }
            """ },
        { "merged fields and aliases", """
            { articles(first: 8) { nodes { keywords { name } keywords { origin id } k2: keywords { name }
              entities { entity { name } } entities { mentions entity { type databaseId } } people: entities(type: PERSON) { entity { name } } } } }
            """ },
        { "directives follow the variables", """
            query($v: Boolean!) { articles(first: 6) { nodes { title @skip(if: $v) keywords @include(if: $v) { name }
              ... on Article @skip(if: $v) { slug } ...Links } } }
            fragment Links on Article { links(first: 3) { kind @include(if: $v) score target { title } } }
            """ },
        { "the interface and type names", """
            { articles(first: 5) { edges { cursor __typename node { __typename ... on Node { id }
              entities { __typename entity { __typename ... on Node { id } name } } } } } }
            """ },
        { "loaders inside lists", """
            { articles(first: 6) { nodes { body source { name articleCount } sections { name parent { name } }
              entities { entity { name aliases relatedEntities(first: 2) { count entity { name } } } }
              links { reasons { textSimilarity sharedEntities { name weight } } target { body keywords { name } } } } } }
            """ },
        { "nested connections per item", """
            { entities(first: 8) { nodes { name type aliases articleCount articles(first: 2) { totalCount nodes { title keywords { name } } } } }
              sources(first: 3) { nodes { name kind articles(first: 2) { nodes { externalId credits { name } } } } } }
            """ },
        { "search hits", """
            { search(query: "الحكومة", first: 10) { totalCount nodes { score highlights { title body } article { title entities { entity { name } } } } } }
            """ },
        { "a resolver error inside a list", """
            { articles(first: 4) { nodes { title links(first: -1) { kind } keywords { name } } } }
            """ },
    };

    public ValueTask InitializeAsync()
    {
        _nodeByNode = new NewsMetaFactory { Database = _projecting.Database, Settings = { ["GraphQL:ProjectLists"] = "false" } };
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _nodeByNode.DisposeAsync();
        await _projecting.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Projected_lists_answer_byte_for_byte_as_node_by_node_with_no_more_statements(string name, string query)
    {
        await EnsureEmbargoedTargetAsync();
        foreach (var key in new[] { NewsMetaFactory.ReadKey, NewsMetaFactory.WriteKey })
        {
            foreach (var v in query.Contains("$v", StringComparison.Ordinal) ? new[] { true, false } : [true])
            {
                var (projected, projectedStatements) = await AnswerAsync(_projecting, key, query, v);
                var (reference, referenceStatements) = await AnswerAsync(_nodeByNode, key, query, v);
                Assert.True(reference.Length > 100, $"{name}: {reference}");
                Assert.Equal(reference, projected);
                // Loads batch at least as well: the pass defers every item's loads before the first is fetched.
                Assert.InRange(projectedStatements, 1, referenceStatements);
            }
        }
    }

    [Fact]
    public async Task Random_selections_answer_as_node_by_node()
    {
        // Pieces of an article selection; a sample picks some, in any order, some under an alias.
        string[] pieces =
        [
            "title", "externalId", "publishedAt", "summary", "__typename", "keywords { name origin }", "credits { name kind }",
            "entities { entity { name type } mentions origin }", "entities(type: LOCATION) { matchedAlias entity { id } }",
            "links { kind score title target { externalId title } }", "links(kind: SIMILAR, first: 2) { targetExternalId url }",
            "source { name kind }", "sections { name path }", "bylines { name role }", "media { kind url }", "image { url }",
            "... on Node { id }", "links(first: 1) { target { keywords { name } } }",
        ];
        var selection = Gen.Select(Gen.Int[0, pieces.Length - 1], Gen.Bool, (piece, aliased) => (piece, aliased)).Array[1, 8];
        await Gen.Select(selection, Gen.Int[1, 12]).SampleAsync(async sample =>
        {
            var (fields, first) = sample;
            // A field asked twice with different arguments needs an alias (else the query is invalid), so those always get one.
            var parts = fields.Select((f, i) => pieces[f.piece] switch
            {
                var p when p.StartsWith("...", StringComparison.Ordinal) => p,
                var p when f.aliased || p.Split('{')[0].Contains('(', StringComparison.Ordinal) => $"a{i}: {p}",
                var p => p,
            });
            var query = $"{{ articles(first: {first}) {{ nodes {{ {string.Join(" ", parts)} }} }} }}";
            var (projected, _) = await AnswerAsync(_projecting, NewsMetaFactory.ReadKey, query, true);
            var (reference, _) = await AnswerAsync(_nodeByNode, NewsMetaFactory.ReadKey, query, true);
            Assert.Equal(reference, projected);
        }, iter: 40, threads: 1);
    }

    [Fact]
    public async Task The_page_is_projected_and_a_list_with_an_error_is_completed_node_by_node()
    {
        using var lists = new MetricCollector<long>(_projecting.Services.GetRequiredService<IMeterFactory>(), NewsMetaMetrics.MeterName, "newsmeta.graphql.lists");
        var client = _projecting.CreateClient();

        Assert.NotNull((await client.GraphQLAsync("{ articles(first: 5) { nodes { title keywords { name } links { target { title } } } } }")).Data);
        Assert.Equal(1, Count(lists, "projected"));
        Assert.Equal(0, Count(lists, "node_by_node"));

        lists.Clear();
        var failed = await client.GraphQLAsync("{ articles(first: 3) { nodes { title links(first: -1) { kind } } } }");
        Assert.Contains("links", failed.Errors[0]!["path"]!.AsArray().Select(p => p!.ToString()));
        Assert.Equal(0, Count(lists, "projected"));
        Assert.Equal(1, Count(lists, "node_by_node"));
    }

    private static long Count(MetricCollector<long> lists, string completion) =>
        lists.GetMeasurementSnapshot().Where(m => Equals(m.Tags["newsmeta.graphql.completion"], completion)).Sum(m => m.Value);

    private static async Task<(string Body, int Statements)> AnswerAsync(NewsMetaFactory factory, string key, string query, bool v)
    {
        var client = factory.ClientWithKey(key);
        factory.Sql.Reset();
        var response = await client.PostAsJsonAsync("/graphql", new { query, variables = query.Contains("$v", StringComparison.Ordinal) ? new { v } : null }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode} for {query}: {body}");
        return (body, factory.Sql.Count);
    }

    /// <summary>A newest article linking to an embargoed one: a target for writers, none for readers.</summary>
    private async Task EnsureEmbargoedTargetAsync()
    {
        var writer = _projecting.ClientWithKey(NewsMetaFactory.WriteKey);
        foreach (var (id, links, embargo) in new[] { ("projection-embargoed", Array.Empty<string>(), (DateTime?)DateTime.UtcNow.AddDays(1)), ("projection-visible", ["projection-embargoed"], null) })
        {
            var record = new JsonObject
            {
                ["title"] = "خبر عن الحكومة والمجلس البلدي في الواحة",
                ["body"] = "قال المجلس البلدي إن الحكومة وافقت على الخطة.\n\nوأضاف أن العمل يبدأ الشهر المقبل.",
                ["language"] = "ar",
                ["publishedAt"] = "2031-01-05T08:00:00Z",
                ["embargoUntil"] = embargo?.ToString("O"),
                ["source"] = new JsonObject { ["name"] = "صحيفة الواحة", ["kind"] = "newspaper" },
                ["keywords"] = new JsonArray("المجلس البلدي"),
                ["entities"] = new JsonArray(new JsonObject { ["name"] = "المجلس البلدي للواحة", ["type"] = "organization" }),
                ["links"] = new JsonArray([.. links.Select(l => (JsonNode)new JsonObject { ["externalId"] = l, ["kind"] = "related", ["title"] = "عنوان معطى" })]),
            };
            var response = await writer.PutAsJsonAsync($"/api/v1/articles/by-external-id/{id}", record, Ct);
            Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        }
    }
}
