using System.Net;
using System.Net.Http.Json;
using System.Text;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Security;

/// <summary>Oversized, deep, malformed and spoofing input is refused (or cleaned) with a clear 4xx, never a 500.</summary>
public sealed class InputLimitTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_body_over_the_limit_is_413_before_it_is_read_but_the_NDJSON_import_streams_past_it()
    {
        var huge = new string('ن', 2_500_000); // 5 MB of UTF-8
        var put = await _client.PutAsync("/api/v1/articles/by-external-id/huge", Json($"{{\"title\":\"x\",\"body\":\"{huge}\"}}"), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, put.StatusCode);
        Assert.Equal("application/problem+json", put.Content.Headers.ContentType?.MediaType);

        // The import takes the same 5 MB: its one line is too long to be an article, and says so.
        var line = $"{{\"externalId\":\"huge\",\"title\":\"x\",\"body\":\"{huge}\"}}\n";
        var import = await _client.PostAsync("/api/v1/articles/import", new StringContent(line, Encoding.UTF8, "application/x-ndjson"), Ct);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Single((await import.NodeAsync())["rejected"]!.AsArray());
    }

    [Fact]
    public async Task Deep_JSON_invalid_UTF8_and_NUL_characters_are_400_problems()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PutAsync("/api/v1/articles/by-external-id/deep", Json(deep), Ct)).StatusCode);

        var invalidUtf8 = new ByteArrayContent([.. Encoding.UTF8.GetBytes("{\"title\":\""), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\"}")]);
        invalidUtf8.Headers.ContentType = new("application/json");
        var utf8 = await _client.PutAsync("/api/v1/articles/by-external-id/utf8", invalidUtf8, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, utf8.StatusCode);
        Assert.Equal("application/problem+json", utf8.Content.Headers.ContentType?.MediaType);

        var nul = await _client.PutAsJsonAsync("/api/v1/articles/by-external-id/nul", Article("عنوان\0مخفي", "مصدر"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, nul.StatusCode);
        Assert.NotNull((await nul.NodeAsync())["errors"]!["title"]);

        var graphDeep = await _client.PostAsync("/graphql", Json($"{{\"query\":\"query($v: String) {{ sources {{ totalCount }} }}\",\"variables\":{deep}}}"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, graphDeep.StatusCode);
    }

    [Fact]
    public async Task Bidi_overrides_and_zero_width_characters_never_reach_a_stored_name()
    {
        var spoofed = Article("خبر عن هيئة الموانئ", "\u202Eصحيفة\u200B الموانئ\u202C") with
        {
            Keywords = ["\u2067موانئ\u2069", "\u200Bسفن"],
            Entities = [new EntityInput("\u061Cهيئة\u200F الموانئ", "organization")],
        };
        var response = await _client.PutAsJsonAsync("/api/v1/articles/by-external-id/spoof", spoofed, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var article = await response.NodeAsync();
        Assert.Equal("صحيفة الموانئ", article["source"]!["name"]!.GetValue<string>());
        Assert.Equal(["موانئ", "سفن"], article["keywords"]!.AsArray().Take(2).Select(k => k!["name"]!.GetValue<string>()));
        Assert.Equal("هيئة الموانئ", article["entities"]![0]!["name"]!.GetValue<string>());

        // The clean spelling is the same entity, not a look-alike twin.
        var clean = await _client.PutAsJsonAsync("/api/v1/articles/by-external-id/spoof-2",
            Article("خبر آخر", "صحيفة الموانئ") with { Entities = [new EntityInput("هيئة الموانئ", "organization")] }, Ct);
        Assert.Equal(article["entities"]![0]!["id"]!.GetValue<int>(), (await clean.NodeAsync())["entities"]![0]!["id"]!.GetValue<int>());

        var invisible = await _client.PostAsJsonAsync("/api/v1/entities", new { name = "\u202E\u200B\u2066", type = "person" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, invisible.StatusCode);
        var keywordOnly = await _client.PutAsJsonAsync("/api/v1/articles/by-external-id/spoof-3", Article("خبر", "مصدر") with { Keywords = ["\u200B\u202E"] }, Ct);
        Assert.NotNull((await keywordOnly.NodeAsync())["errors"]!["keywords[0]"]);
    }

    [Theory]
    [InlineData("/api/v1/articles?cursor=not-a-cursor")]
    [InlineData("/api/v1/articles?cursor=eyJhIjoxfQ")]
    [InlineData("/api/v1/articles?cursor=%00%FF")]
    [InlineData("/api/v1/entities?cursor=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/api/v1/articles?limit=101")]
    [InlineData("/api/v1/articles?limit=-1")]
    [InlineData("/api/v1/search?q=x&limit=100000")]
    public async Task Tampered_cursors_and_page_sizes_are_400_problems(string url)
    {
        var response = await _client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_forged_GraphQL_cursor_is_a_user_error_not_a_crash()
    {
        var response = await _client.GraphQLAsync("{ articles(first: 2, after: \"Zm9yZ2Vk\") { nodes { id } } }");
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.Status);
        Assert.NotEqual("INTERNAL_SERVER_ERROR", response.FirstCode);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static ArticleInput Article(string title, string source) =>
        new(title, "نص الخبر.", "ar", "2026-11-27T09:00:00Z", new SourceInput(source, "newspaper"), [], []);

    private sealed record SourceInput(string Name, string Kind);

    private sealed record EntityInput(string Name, string Type);

    private sealed record ArticleInput(string Title, string Body, string Language, string PublishedAt, SourceInput Source, string[] Keywords, EntityInput[] Entities);
}
