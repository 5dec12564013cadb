using System.Net;
using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Furniture;

/// <summary>Bylines, media, sections and subtitle in JSON-LD, ninjs 2.1 and the NDJSON export.</summary>
public sealed class FurnitureFormatTests(EmptyNewsMetaFactory factory) : IClassFixture<EmptyNewsMetaFactory>
{
    private readonly HttpClient _writer = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> SeedAsync()
    {
        var put = await FurnitureRecords.PutAsync(_writer, "formats-1", FurnitureRecords.New("formats-1"));
        return (int)(await put.NodeAsync())["id"]!;
    }

    private async Task<JsonNode> GetAsync(string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        var response = await _writer.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.NodeAsync();
    }

    [Fact]
    public async Task JSON_LD_has_author_image_articleSection_and_alternativeHeadline()
    {
        var id = await SeedAsync();
        var doc = await GetAsync($"/api/v1/articles/{id}", "application/ld+json");
        Assert.Equal("الاجتماع الطارئ يناقش خطة مشتركة لتقاسم مياه الأنهار", (string?)doc["alternativeHeadline"]);
        var author = Assert.Single(doc["author"]!.AsArray())!;
        Assert.Equal(("Person", "سلمى الرفاعي"), ((string?)author["@type"], (string?)author["name"]));
        Assert.Contains("/api/v1/entities/", (string?)author["@id"], StringComparison.Ordinal);
        var images = doc["image"]!.AsArray();
        Assert.Equal(2, images.Count);
        Assert.Equal("ImageObject", (string?)images[0]!["@type"]);
        Assert.Equal("الوزراء قبيل الاجتماع", (string?)images[0]!["caption"]);
        Assert.Equal("خالد يوسف", (string?)images[0]!["creditText"]);
        Assert.Equal("https://furniture.example/i/1.jpg", (string?)images[0]!["contentUrl"]);
        Assert.Equal(["أخبار العالم/الشرق الأوسط"], doc["articleSection"]!.AsArray().Select(s => (string?)s));

        var list = await GetAsync("/api/v1/articles", "application/ld+json");
        // Other tests of this class write articles of their own: pick this one out of the list.
        var item = list["itemListElement"]!.AsArray().Select(e => e!["item"]!).Single(i => (string?)i["identifier"] == "formats-1");
        Assert.Equal("https://furniture.example/i/1.jpg", (string?)Assert.Single(item["image"]!.AsArray())!["url"]);
        Assert.NotNull(item["author"]);
    }

    [Fact]
    public async Task Ninjs_has_bylines_picture_associations_with_renditions_and_sections_as_subjects()
    {
        var id = await SeedAsync();
        var item = await GetAsync($"/api/v1/articles/{id}", "application/vnd.iptc.ninjs+json");
        Assert.Equal([("سلمى الرفاعي", "author"), ("خالد يوسف", "photographer")],
            item["bylines"]!.AsArray().Select(b => ((string?)b!["byline"], (string?)b["role"])));
        Assert.Equal("سلمى الرفاعي", (string?)item["by"]);
        Assert.Contains(item["headlines"]!.AsArray(), h => (string?)h!["role"] == "sub");
        var pictures = item["associations"]!.AsArray().Where(a => (string?)a!["type"] == "picture").ToList();
        Assert.Equal(2, pictures.Count);
        var rendition = Assert.Single(pictures[0]!["renditions"]!.AsArray())!;
        Assert.Equal(("https://furniture.example/i/1.jpg", "image/jpeg", 1200, 800),
            ((string?)rendition["href"], (string?)rendition["contenttype"], (int)rendition["width"]!, (int)rendition["height"]!));
        Assert.Equal("خالد يوسف", (string?)pictures[0]!["by"]);
        Assert.All(item["associations"]!.AsArray(), a => Assert.False(string.IsNullOrEmpty((string?)a!["uri"])));
        Assert.Contains(item["subjects"]!.AsArray(), s => (string?)s!["name"] == "أخبار العالم/الشرق الأوسط" && (string?)s["rel"] == "section");
    }

    [Fact]
    public async Task The_export_carries_the_new_fields_and_leaves_them_out_when_absent()
    {
        await SeedAsync();
        var old = FurnitureRecords.New("formats-old");
        foreach (var field in new[] { "subtitle", "bylines", "media", "sections" })
        {
            old.Remove(field);
        }

        await FurnitureRecords.PutAsync(_writer, "formats-old", old);
        var lines = (await _writer.GetStringAsync("/api/v1/articles/export", Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonNode.Parse(l)!).ToDictionary(l => (string)l["externalId"]!);
        var full = lines["formats-1"];
        Assert.Equal("الاجتماع الطارئ يناقش خطة مشتركة لتقاسم مياه الأنهار", (string?)full["subtitle"]);
        Assert.Equal(["author", "photographer"], full["bylines"]!.AsArray().Select(b => (string?)b!["role"]));
        Assert.Equal(3, full["media"]!.AsArray().Count);
        Assert.Equal("image/jpeg", (string?)full["media"]![1]!["mimeType"]);
        Assert.Equal(["أخبار العالم/الشرق الأوسط"], full["sections"]!.AsArray().Select(s => (string?)s));
        var bare = lines["formats-old"].AsObject();
        Assert.DoesNotContain("bylines", bare.Select(p => p.Key));
        Assert.DoesNotContain("subtitle", bare.Select(p => p.Key));
    }
}
