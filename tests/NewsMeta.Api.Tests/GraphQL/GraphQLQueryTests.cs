using System.Net;
using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.GraphQL;

/// <summary>Reads through GraphQL agree with REST on the sample corpus: lists, filters, paging, lookups.</summary>
public sealed class GraphQLQueryTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _client = factory.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Articles_walked_forwards_give_the_rest_list_in_order()
    {
        var expected = await RestIdsAsync("/api/v1/articles?limit=100");
        var seen = new List<int>();
        string? after = null;
        var hasNext = true;
        while (hasNext)
        {
            var page = (await _client.GraphQLAsync("query($after: String) { articles(first: 7, after: $after) { totalCount edges { cursor node { databaseId } } pageInfo { hasNextPage hasPreviousPage endCursor } } }", new { after })).Data["articles"]!;
            Assert.Equal(expected.Count, page["totalCount"]!.GetValue<int>());
            Assert.Equal(after is not null, page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
            seen.AddRange(page["edges"]!.AsArray().Select(e => e!["node"]!["databaseId"]!.GetValue<int>()));
            hasNext = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>();
            after = page["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task Articles_walked_backwards_with_last_and_before_give_the_same_list()
    {
        var expected = await RestIdsAsync("/api/v1/articles?limit=100");
        var pages = new List<List<int>>();
        string? before = null;
        var hasPrevious = true;
        while (hasPrevious)
        {
            var page = (await _client.GraphQLAsync("query($before: String) { articles(last: 10, before: $before) { nodes { databaseId } pageInfo { hasPreviousPage hasNextPage startCursor } } }", new { before })).Data["articles"]!;
            Assert.Equal(before is not null, page["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
            pages.Insert(0, Ids(page["nodes"]!));
            hasPrevious = page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>();
            before = page["pageInfo"]!["startCursor"]!.GetValue<string>();
        }

        Assert.Equal(expected, pages.SelectMany(p => p).ToList());
        Assert.Equal(4, pages[0].Count); // 54 = 4 + 5 × 10: the short page is the first one
    }

    [Fact]
    public async Task Oldest_first_order_matches_rest()
    {
        var expected = await RestIdsAsync("/api/v1/articles?limit=100&sort=publishedAt");
        var data = (await _client.GraphQLAsync("{ articles(first: 100, orderBy: PUBLISHED_AT_ASC) { nodes { databaseId } } }")).Data;
        Assert.Equal(expected, Ids(data["articles"]!["nodes"]!));
    }

    [Theory]
    [InlineData("entityIds: [\"1\", \"2\"]", "entity=1&entity=2")]
    [InlineData("keywordIds: [\"1\"]", "keyword=1")]
    [InlineData("sourceIds: [\"1\", \"2\"]", "source=1&source=2")]
    [InlineData("language: \"en\"", "language=en")]
    [InlineData("publishedAfter: \"2026-06-01T00:00:00Z\", publishedBefore: \"2026-10-01T00:00:00Z\"", "publishedFrom=2026-06-01T00:00:00Z&publishedTo=2026-10-01T00:00:00Z")]
    [InlineData("updatedSince: \"2000-01-01T00:00:00Z\", language: \"ar\"", "updatedSince=2000-01-01T00:00:00Z&language=ar")]
    public async Task Filters_select_what_the_rest_filters_select(string where, string query)
    {
        var expected = await RestIdsAsync($"/api/v1/articles?limit=100&{query}");
        Assert.NotEmpty(expected);
        var data = (await _client.GraphQLAsync($"{{ articles(first: 100, where: {{ {where} }}) {{ totalCount nodes {{ databaseId }} }} }}")).Data;
        Assert.Equal(expected, Ids(data["articles"]!["nodes"]!));
        Assert.Equal(expected.Count, data["articles"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Filters_take_global_ids_too()
    {
        var expected = await RestIdsAsync("/api/v1/articles?limit=100&entity=1");
        var data = (await _client.GraphQLAsync("query($e: ID!) { articles(first: 100, where: { entityIds: [$e] }) { nodes { databaseId } } }",
            new { e = GraphQLClient.GlobalId("Entity", 1) })).Data;
        Assert.Equal(expected, Ids(data["articles"]!["nodes"]!));
    }

    [Fact]
    public async Task Article_fields_and_relations_are_all_served()
    {
        var data = (await _client.GraphQLAsync("""
            { article(databaseId: 1) { id databaseId externalId slug url title summary body language publishedAt updatedAt changedAt
                source { id databaseId name kind articleCount }
                credits { name kind }
                keywords { id name articleCount }
                entities { entity { id name type aliases articleCount } mentions origin }
                links { kind score title url targetExternalId origin target { databaseId title } } } }
            """)).Data["article"]!;
        var rest = await (await _client.GetAsync("/api/v1/articles/1", Ct)).NodeAsync();
        Assert.Equal(GraphQLClient.GlobalId("Article", 1), data["id"]!.GetValue<string>());
        Assert.Equal(rest["externalId"]!.GetValue<string>(), data["externalId"]!.GetValue<string>());
        Assert.Equal(rest["body"]!.GetValue<string>(), data["body"]!.GetValue<string>());
        Assert.Equal(rest["source"]!["name"]!.GetValue<string>(), data["source"]!["name"]!.GetValue<string>());
        Assert.Equal(rest["keywords"]!.AsArray().Count, data["keywords"]!.AsArray().Count);
        Assert.Equal(rest["entities"]!.AsArray().Count, data["entities"]!.AsArray().Count);
        Assert.All(data["entities"]!.AsArray(), e => Assert.Equal("PUBLISHER", e!["origin"]!.GetValue<string>()));
        Assert.NotEmpty(data["links"]!.AsArray());
    }

    [Fact]
    public async Task Links_filter_by_kind_and_resolve_targets_that_are_stored()
    {
        var rest = await (await _client.GetAsync("/api/v1/articles?limit=100", Ct)).NodeAsync();
        var links = new List<(int Article, JsonNode Link)>();
        foreach (var id in rest["items"]!.AsArray().Select(a => a!["id"]!.GetValue<int>()))
        {
            var article = await (await _client.GetAsync($"/api/v1/articles/{id}", Ct)).NodeAsync();
            links.AddRange(article["links"]!.AsArray().Select(l => (id, l!)));
        }

        var resolved = links.First(l => l.Link["targetId"] is not null && l.Link["kind"]!.GetValue<string>() == "readAlso");
        var unresolved = links.First(l => l.Link["targetId"] is null);

        var data = (await _client.GraphQLAsync("query($id: Int) { article(databaseId: $id) { links(kind: READ_ALSO) { kind targetExternalId target { databaseId } } } }", new { id = resolved.Article })).Data;
        var served = data["article"]!["links"]!.AsArray();
        Assert.All(served, l => Assert.Equal("READ_ALSO", l!["kind"]!.GetValue<string>()));
        Assert.Contains(served, l => l!["target"]?["databaseId"]?.GetValue<int>() == resolved.Link["targetId"]!.GetValue<int>());

        data = (await _client.GraphQLAsync("query($id: Int) { article(databaseId: $id) { links(first: 100) { targetExternalId title target { databaseId } } } }", new { id = unresolved.Article })).Data;
        Assert.Contains(data["article"]!["links"]!.AsArray(), l => l!["target"] is null
            && l["targetExternalId"]?.GetValue<string>() == unresolved.Link["targetExternalId"]?.GetValue<string>()
            && l["title"]?.GetValue<string>() == unresolved.Link["title"]?.GetValue<string>());

        data = (await _client.GraphQLAsync("query($id: Int) { article(databaseId: $id) { links(first: 1) { kind } } }", new { id = resolved.Article })).Data;
        Assert.Single(data["article"]!["links"]!.AsArray());
    }

    [Fact]
    public async Task Article_is_found_by_global_id_database_id_and_external_id()
    {
        var externalId = (await (await _client.GetAsync("/api/v1/articles/5", Ct)).NodeAsync())["externalId"]!.GetValue<string>();
        var data = (await _client.GraphQLAsync("query($id: ID, $ext: String) { a: article(id: $id) { databaseId } b: article(databaseId: 5) { databaseId } c: article(externalId: $ext) { databaseId } d: article(databaseId: 999999) { databaseId } }",
            new { id = GraphQLClient.GlobalId("Article", 5), ext = externalId })).Data;
        Assert.Equal(5, data["a"]!["databaseId"]!.GetValue<int>());
        Assert.Equal(5, data["b"]!["databaseId"]!.GetValue<int>());
        Assert.Equal(5, data["c"]!["databaseId"]!.GetValue<int>());
        Assert.Null(data["d"]);
    }

    [Fact]
    public async Task Article_lookup_needs_exactly_one_key()
    {
        var response = await _client.GraphQLAsync("{ article(databaseId: 1, externalId: \"x\") { title } }");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("BAD_USER_INPUT", response.FirstCode);
    }

    [Theory]
    [InlineData("Article", "articles", "... on Article { title }")]
    [InlineData("Entity", "entities", "... on Entity { name }")]
    [InlineData("Keyword", "keywords", "... on Keyword { name }")]
    [InlineData("Source", "sources", "... on Source { name }")]
    public async Task Node_lookup_round_trips_every_node_type(string type, string list, string fragment)
    {
        var first = (await _client.GraphQLAsync($"{{ {list}(first: 1) {{ nodes {{ id databaseId }} }} }}")).Data[list]!["nodes"]![0]!;
        var id = first["id"]!.GetValue<string>();
        var node = (await _client.GraphQLAsync($"query($id: ID!) {{ node(id: $id) {{ __typename id {fragment} }} }}", new { id })).Data["node"]!;
        Assert.Equal(type, node["__typename"]!.GetValue<string>());
        Assert.Equal(id, node["id"]!.GetValue<string>());
        Assert.Equal(GraphQLClient.GlobalId(type, first["databaseId"]!.GetValue<int>()), id);
    }

    [Fact]
    public async Task Node_with_an_unknown_or_foreign_id_is_null_or_a_user_error()
    {
        var data = (await _client.GraphQLAsync("query($id: ID!) { node(id: $id) { id } }", new { id = GraphQLClient.GlobalId("Article", 999999) })).Data;
        Assert.Null(data["node"]);
        var bad = await _client.GraphQLAsync("{ node(id: \"not-an-id\") { id } }");
        Assert.Equal("BAD_USER_INPUT", bad.FirstCode);
    }

    [Fact]
    public async Task Entities_filter_by_type_and_search_like_rest()
    {
        var rest = await (await _client.GetAsync("/api/v1/entities?type=person&limit=100", Ct)).NodeAsync();
        var data = (await _client.GraphQLAsync("{ entities(first: 100, where: { type: PERSON }) { totalCount nodes { databaseId type articleCount } } }")).Data["entities"]!;
        Assert.Equal(Ids(rest["items"]!, "id"), Ids(data["nodes"]!));
        Assert.All(data["nodes"]!.AsArray(), e => Assert.Equal("PERSON", e!["type"]!.GetValue<string>()));

        var first = rest["items"]![0]!["name"]!.GetValue<string>();
        var search = (await _client.GraphQLAsync("query($s: String) { entities(where: { search: $s }) { nodes { name } } }", new { s = first[..3] })).Data;
        Assert.Contains(search["entities"]!["nodes"]!.AsArray(), e => e!["name"]!.GetValue<string>() == first);
    }

    [Fact]
    public async Task Entity_lists_page_in_both_directions()
    {
        var all = Ids((await _client.GraphQLAsync("{ entities(first: 100) { nodes { databaseId } } }")).Data["entities"]!["nodes"]!);
        var firstPage = (await _client.GraphQLAsync("{ entities(first: 5) { nodes { databaseId } pageInfo { endCursor } } }")).Data["entities"]!;
        var second = (await _client.GraphQLAsync("query($a: String) { entities(first: 5, after: $a) { nodes { databaseId } pageInfo { startCursor } } }",
            new { a = firstPage["pageInfo"]!["endCursor"]!.GetValue<string>() })).Data["entities"]!;
        Assert.Equal(all.Skip(5).Take(5), Ids(second["nodes"]!));
        var back = (await _client.GraphQLAsync("query($b: String) { entities(last: 5, before: $b) { nodes { databaseId } } }",
            new { b = second["pageInfo"]!["startCursor"]!.GetValue<string>() })).Data["entities"]!;
        Assert.Equal(all.Take(5), Ids(back["nodes"]!));
    }

    [Fact]
    public async Task Entity_keyword_and_source_articles_match_rest_and_page()
    {
        foreach (var (field, rest) in new[] { ("entity", "entities"), ("keyword", "keywords"), ("source", "sources") })
        {
            var expected = await RestIdsAsync($"/api/v1/{rest}/1/articles?limit=100");
            var data = (await _client.GraphQLAsync($"{{ {field}(databaseId: 1) {{ articleCount articles(first: 100) {{ totalCount nodes {{ databaseId }} }} }} }}")).Data[field]!;
            Assert.Equal(expected, Ids(data["articles"]!["nodes"]!));
            Assert.Equal(expected.Count, data["articles"]!["totalCount"]!.GetValue<int>());

            var page = (await _client.GraphQLAsync($"{{ {field}(databaseId: 1) {{ articles(first: 2) {{ pageInfo {{ endCursor hasNextPage }} }} }} }}")).Data[field]!["articles"]!;
            var next = (await _client.GraphQLAsync($"query($a: String) {{ {field}(databaseId: 1) {{ articles(first: 2, after: $a) {{ nodes {{ databaseId }} }} }} }}",
                new { a = page["pageInfo"]!["endCursor"]!.GetValue<string>() })).Data[field]!["articles"]!;
            Assert.Equal(expected.Skip(2).Take(2), Ids(next["nodes"]!));
        }
    }

    [Fact]
    public async Task Related_entities_match_rest()
    {
        var rest = await (await _client.GetAsync("/api/v1/entities/1/related-entities?limit=5", Ct)).NodeAsync();
        var data = (await _client.GraphQLAsync("{ entity(databaseId: 1) { name aliases relatedEntities(first: 5) { count entity { databaseId name } } } }")).Data["entity"]!;
        var related = data["relatedEntities"]!.AsArray();
        Assert.Equal(rest["items"]!.AsArray().Select(r => (r!["id"]!.GetValue<int>(), r["count"]!.GetValue<int>())),
            related.Select(r => (r!["entity"]!["databaseId"]!.GetValue<int>(), r["count"]!.GetValue<int>())));
        Assert.NotEmpty(data["aliases"]!.AsArray());
    }

    [Fact]
    public async Task Keywords_and_sources_match_rest()
    {
        var keywords = await RestIdsAsync("/api/v1/keywords?limit=100");
        var sources = await RestIdsAsync("/api/v1/sources?limit=100");
        var data = (await _client.GraphQLAsync("{ keywords(first: 100) { nodes { databaseId } } sources(first: 100) { nodes { databaseId kind } } }")).Data;
        Assert.Equal(keywords, Ids(data["keywords"]!["nodes"]!));
        Assert.Equal(sources, Ids(data["sources"]!["nodes"]!));
        var filtered = (await _client.GraphQLAsync("{ keywords(where: { search: \"برلمان\" }) { nodes { name } } }")).Data;
        Assert.All(filtered["keywords"]!["nodes"]!.AsArray(), k => Assert.StartsWith("برلمان", k!["name"]!.GetValue<string>(), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{ articles(first: 101) { totalCount } }", "first")]
    [InlineData("{ articles(last: -1) { totalCount } }", "last")]
    [InlineData("{ articles(first: 1, last: 1) { totalCount } }", "first")]
    [InlineData("{ articles(after: \"forged\") { totalCount } }", "after")]
    [InlineData("{ entities(before: \"Z2EtfDF8MQ\") { totalCount } }", "before")]
    [InlineData("{ articles(where: { language: \"not a tag!\" }) { totalCount } }", "where.language")]
    [InlineData("{ articles(where: { entityIds: [\"nope\"] }) { totalCount } }", "where.entityIds")]
    public async Task Bad_arguments_are_user_errors_naming_the_argument(string query, string argument)
    {
        var response = await _client.GraphQLAsync(query);
        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("BAD_USER_INPUT", response.FirstCode);
        Assert.Equal(argument, response.Errors[0]!["extensions"]!["argument"]!.GetValue<string>());
    }

    private async Task<List<int>> RestIdsAsync(string url)
    {
        var response = await _client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Ids((await response.NodeAsync())["items"]!, "id");
    }

    private static List<int> Ids(JsonNode nodes, string name = "databaseId") => [.. nodes.AsArray().Select(n => n![name]!.GetValue<int>())];
}
