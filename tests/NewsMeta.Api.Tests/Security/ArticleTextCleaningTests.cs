using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Security;

/// <summary>Bidi overrides and hidden characters in titles, summaries, bodies and link titles are stored without them, whatever the entry path.</summary>
public sealed class ArticleTextCleaningTests(EmptyNewsMetaFactory factory) : IClassFixture<EmptyNewsMetaFactory>
{
    private readonly HttpClient _client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Spoofed(string externalId) => new
    {
        externalId,
        title = "\u202Eخبر\u200B عاجل\u202C",
        summary = "ملخص\u2066 الخبر\u2069\u0007",
        body = "فقرة\u200F أولى.\n\nمی\u200Cخواهم \u200Dفقرة ثانية.",
        language = "ar",
        publishedAt = "2026-11-27T09:00:00Z",
        source = new { name = "صحيفة الاختبار", kind = "newspaper" },
        links = new[] { new { title = "\u202Dخبر\u061C آخر", kind = "related" } },
    };

    [Fact]
    public async Task A_PUT_stores_the_text_without_them()
    {
        var response = await _client.PutAsJsonAsync("/api/v1/articles/by-external-id/spoof-put", Spoofed("spoof-put"), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        AssertClean(await ReadAsync("spoof-put"));
    }

    [Fact]
    public async Task An_NDJSON_import_stores_the_text_without_them()
    {
        var line = JsonSerializer.Serialize(Spoofed("spoof-import")) + "\n";
        var response = await _client.PostAsync("/api/v1/articles/import", new StringContent(line, Encoding.UTF8, "application/x-ndjson"), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.NodeAsync())["created"]!.GetValue<int>());
        AssertClean(await ReadAsync("spoof-import"));
    }

    [Fact]
    public async Task A_title_of_overrides_only_is_a_missing_title()
    {
        var response = await _client.PutAsJsonAsync("/api/v1/articles/by-external-id/spoof-empty",
            new { title = "\u202E\u200B\u202C", body = "نص.", language = "ar", publishedAt = "2026-11-27T09:00:00Z", source = new { name = "صحيفة", kind = "newspaper" } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.NodeAsync())["errors"]!["title"]);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> ReadAsync(string externalId) =>
        await (await _client.GetAsync($"/api/v1/articles/by-external-id/{externalId}", Ct)).NodeAsync();

    private static void AssertClean(System.Text.Json.Nodes.JsonNode article)
    {
        Assert.Equal("خبر عاجل", article["title"]!.GetValue<string>());
        Assert.Equal("ملخص الخبر", article["summary"]!.GetValue<string>());
        // The ZWNJ between letters is Persian spelling and stays; the ZWJ after a space joins nothing.
        Assert.Equal("فقرة أولى.\n\nمی\u200Cخواهم فقرة ثانية.", article["body"]!.GetValue<string>());
        Assert.Equal("خبر آخر", article["links"]![0]!["title"]!.GetValue<string>());
    }
}
