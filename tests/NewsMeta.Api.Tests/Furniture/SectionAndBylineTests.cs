using System.Net;
using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Furniture;

/// <summary>The section tree, the section and byline filters, their facets and GraphQL fields, on an empty store.</summary>
public sealed class SectionAndBylineTests(EmptyNewsMetaFactory factory) : IClassFixture<EmptyNewsMetaFactory>, IAsyncLifetime
{
    private readonly HttpClient _writer = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private readonly HttpClient _reader = factory.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // Three paths under أخبار العالم, one spelled with hamza and tatweel the others lack: one tree.
        await PutAsync("sec-1", "أخبار العالم/الشرق الأوسط", "سلمى الرفاعي");
        await PutAsync("sec-2", "اخبار العالـــم/الشرق الاوسط", "سلمى الرفاعي");
        await PutAsync("sec-3", "أخبار العالم/أوروبا", "ليلى حداد");
        await PutAsync("sec-4", "رياضة", "ليلى حداد");
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task PutAsync(string externalId, string section, string author)
    {
        var response = await FurnitureRecords.PutAsync(_writer, externalId, FurnitureRecords.New(externalId, section, author));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<JsonNode> GetAsync(string url)
    {
        var response = await _reader.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.NodeAsync();
    }

    private async Task<List<JsonNode>> SectionsAsync() => [.. (await GetAsync("/api/v1/sections?limit=100"))["items"]!.AsArray().Select(s => s!)];

    private async Task<int> SectionIdAsync(string path) => (int)(await SectionsAsync()).Single(s => (string?)s["path"] == path)["id"]!;

    [Fact]
    public async Task Paths_make_one_tree_matched_by_normalised_name_with_counts_including_sub_sections()
    {
        var sections = await SectionsAsync();
        Assert.Equal(["أخبار العالم", "أخبار العالم/الشرق الأوسط", "أخبار العالم/أوروبا", "رياضة"], sections.Select(s => (string?)s["path"]));
        var world = sections[0];
        Assert.Null((int?)world["parentId"]);
        Assert.Equal(3, (int)world["articleCount"]!);
        Assert.Equal((int)world["id"]!, (int)sections[1]["parentId"]!);
        Assert.Equal("الشرق الأوسط", (string?)sections[1]["name"]);
        Assert.Equal(2, (int)sections[1]["articleCount"]!);

        var one = await GetAsync($"/api/v1/sections/{(int)sections[2]["id"]!}");
        Assert.Equal("أوروبا", (string?)one["name"]);
        Assert.Equal(1, (int)one["articleCount"]!);
        var missing = await _reader.GetAsync("/api/v1/sections/99999", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_list_pages_by_cursor_and_rejects_a_foreign_cursor()
    {
        var first = await GetAsync("/api/v1/sections?limit=3");
        Assert.Equal(3, first["items"]!.AsArray().Count);
        var next = (string)first["nextCursor"]!;
        var second = await GetAsync($"/api/v1/sections?limit=3&cursor={Uri.EscapeDataString(next)}");
        Assert.Equal("رياضة", (string?)Assert.Single(second["items"]!.AsArray())!["path"]);
        Assert.Null((string?)second["nextCursor"]);
        var bad = await _reader.GetAsync("/api/v1/sections?cursor=bm90LWEtY3Vyc29y", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task A_sections_articles_include_its_sub_sections_and_the_section_filter_works_on_lists_search_and_facets()
    {
        var world = await SectionIdAsync("أخبار العالم");
        var europe = await SectionIdAsync("أخبار العالم/أوروبا");
        var sport = await SectionIdAsync("رياضة");
        var ofWorld = await GetAsync($"/api/v1/sections/{world}/articles");
        Assert.Equal(["sec-3", "sec-2", "sec-1"], ofWorld["items"]!.AsArray().Select(a => (string?)a!["externalId"]).Order().Reverse());
        var narrowed = await GetAsync($"/api/v1/sections/{world}/articles?section={europe}");
        Assert.Equal("sec-3", (string?)Assert.Single(narrowed["items"]!.AsArray())!["externalId"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync("/api/v1/sections/99999/articles", Ct)).StatusCode);

        var anyOf = await GetAsync($"/api/v1/articles?section={europe}&section={sport}");
        Assert.Equal(["sec-3", "sec-4"], anyOf["items"]!.AsArray().Select(a => (string?)a!["externalId"]).Order());
        var searched = await GetAsync($"/api/v1/search?q={Uri.EscapeDataString("وزراء")}&section={sport}");
        Assert.Equal("sec-4", (string?)Assert.Single(searched["items"]!.AsArray())!["externalId"]);

        var facets = await GetAsync($"/api/v1/articles/facets?section={world}");
        Assert.Equal(3, (int)facets["total"]!);
        var counts = facets["sections"]!.AsArray().ToDictionary(s => (string)s!["name"]!, s => (int)s!["count"]!);
        Assert.Equal(3, counts["أخبار العالم"]);
        Assert.Equal(2, counts["أخبار العالم/الشرق الأوسط"]);
        Assert.False(counts.ContainsKey("رياضة"));
        var bad = await _reader.GetAsync("/api/v1/articles?section=abc", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_byline_filter_takes_any_of_several_people_and_facets_count_bylines()
    {
        var salma = (int)(await GetAsync("/api/v1/articles/by-external-id/sec-1"))["bylines"]![0]!["entityId"]!;
        var laila = (int)(await GetAsync("/api/v1/articles/by-external-id/sec-3"))["bylines"]![0]!["entityId"]!;
        var one = await GetAsync($"/api/v1/articles?byline={salma}");
        Assert.Equal(["sec-1", "sec-2"], one["items"]!.AsArray().Select(a => (string?)a!["externalId"]).Order());
        var both = await GetAsync($"/api/v1/articles?byline={salma}&byline={laila}");
        Assert.Equal(4, both["items"]!.AsArray().Count);
        var searched = await GetAsync($"/api/v1/search?q={Uri.EscapeDataString("وزراء")}&byline={laila}");
        Assert.Equal(2, searched["items"]!.AsArray().Count);

        var facets = await GetAsync($"/api/v1/articles/facets?byline={salma}");
        Assert.Equal(2, (int)facets["total"]!);
        var counts = facets["bylines"]!.AsArray().ToDictionary(b => (string)b!["name"]!, b => (int)b!["count"]!);
        Assert.Equal(2, counts["سلمى الرفاعي"]);
        Assert.Equal(2, counts["خالد يوسف"]);
        Assert.False(counts.ContainsKey("ليلى حداد"));
    }

    [Fact]
    public async Task GraphQL_has_bylines_media_image_sections_and_the_new_filters()
    {
        var europe = await SectionIdAsync("أخبار العالم/أوروبا");
        var result = await _reader.GraphQLAsync("""
            query($s: [ID!]) {
              articles(first: 5, where: { sectionIds: $s }) {
                nodes { externalId subtitle wordCount readingTimeMinutes
                  bylines { name role entity { name type bylineArticles(first: 5) { totalCount nodes { externalId } } } }
                  media { kind url mimeType } image { url caption credit width height }
                  sections { id name path parent { name } } }
              }
              sections(first: 10) { totalCount nodes { name path articleCount } }
            }
            """, new { s = new[] { GraphQLClient.GlobalId("Section", europe) } });
        var article = Assert.Single(result.Data["articles"]!["nodes"]!.AsArray())!;
        Assert.Equal("sec-3", (string?)article["externalId"]);
        Assert.Equal(32, (int)article["wordCount"]!);
        var author = article["bylines"]![0]!;
        Assert.Equal("AUTHOR", (string?)author["role"]);
        Assert.Equal("PERSON", (string?)author["entity"]!["type"]);
        Assert.Equal(2, (int)author["entity"]!["bylineArticles"]!["totalCount"]!);
        Assert.Equal(["sec-4", "sec-3"], author["entity"]!["bylineArticles"]!["nodes"]!.AsArray().Select(n => (string?)n!["externalId"]).Order().Reverse());
        Assert.Equal(["VIDEO", "IMAGE", "IMAGE"], article["media"]!.AsArray().Select(m => (string?)m!["kind"]));
        Assert.Equal("الوزراء قبيل الاجتماع", (string?)article["image"]!["caption"]);
        var section = Assert.Single(article["sections"]!.AsArray())!;
        Assert.Equal("أخبار العالم/أوروبا", (string?)section["path"]);
        Assert.Equal("أخبار العالم", (string?)section["parent"]!["name"]);
        Assert.Equal(4, (int)result.Data["sections"]!["totalCount"]!);

        var byId = await _reader.GraphQLAsync("query($id: ID!) { section(id: $id) { name articleCount } node(id: $id) { ... on Section { path } } }",
            new { id = (string?)section["id"] });
        Assert.Equal("أوروبا", (string?)byId.Data["section"]!["name"]);
        Assert.Equal("أخبار العالم/أوروبا", (string?)byId.Data["node"]!["path"]);

        var salma = GraphQLClient.GlobalId("Entity", (int)(await GetAsync("/api/v1/articles/by-external-id/sec-1"))["bylines"]![0]!["entityId"]!);
        var filtered = await _reader.GraphQLAsync("query($b: [ID!]) { articles(where: { bylineIds: $b }) { totalCount } facets(where: { bylineIds: $b }) { bylines { name count } sections { name count } } }",
            new { b = new[] { salma } });
        Assert.Equal(2, (int)filtered.Data["articles"]!["totalCount"]!);
        Assert.Contains(filtered.Data["facets"]!["sections"]!.AsArray(), s => (string?)s!["name"] == "أخبار العالم/الشرق الأوسط" && (int)s["count"]! == 2);
    }

    [Fact]
    public async Task Article_lists_in_GraphQL_load_furniture_in_a_fixed_number_of_commands()
    {
        const string query = "query($n: Int) { articles(first: $n) { nodes { bylines { name entity { name } } media { url } image { url } sections { name } } } }";
        await _reader.GraphQLAsync(query, new { n = 1 });
        factory.Sql.Reset();
        _ = (await _reader.GraphQLAsync(query, new { n = 1 })).Data;
        var one = factory.Sql.Count;
        factory.Sql.Reset();
        _ = (await _reader.GraphQLAsync(query, new { n = 4 })).Data;
        Assert.Equal(one, factory.Sql.Count);
    }
}
