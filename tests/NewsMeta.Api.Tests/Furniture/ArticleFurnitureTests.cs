using System.Net;
using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Furniture;

/// <summary>Subtitle, bylines, media, word count and reading time through PUT, GET and the lists.</summary>
public sealed class ArticleFurnitureTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _writer = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private readonly HttpClient _reader = factory.CreateClient();

    [Fact]
    public async Task Full_article_has_subtitle_bylines_with_entities_media_word_count_and_reading_time()
    {
        var put = await FurnitureRecords.PutAsync(_writer, "furniture-full", FurnitureRecords.New("furniture-full"));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var article = await put.NodeAsync();
        Assert.Equal("الاجتماع الطارئ يناقش خطة مشتركة لتقاسم مياه الأنهار", (string?)article["subtitle"]);

        var bylines = article["bylines"]!.AsArray();
        Assert.Equal(["author", "photographer"], bylines.Select(b => (string?)b!["role"]));
        Assert.Equal("سلمى الرفاعي", (string?)bylines[0]!["name"]);
        var entityId = (int)bylines[0]!["entityId"]!;
        var entity = await (await _reader.GetAsync($"/api/v1/entities/{entityId}", TestContext.Current.CancellationToken)).NodeAsync();
        Assert.Equal("person", (string?)entity["type"]);
        Assert.Equal("سلمى الرفاعي", (string?)entity["name"]);

        Assert.Equal(["video", "image", "image"], article["media"]!.AsArray().Select(m => (string?)m!["kind"]));
        var image = article["image"]!;
        Assert.Equal("https://furniture.example/i/1.jpg", (string?)image["url"]);
        Assert.Equal("الوزراء قبيل الاجتماع", (string?)image["caption"]);
        Assert.Equal("خالد يوسف", (string?)image["credit"]);
        Assert.Equal(1200, (int)image["width"]!);

        // Title 7 words, subtitle 8, body 17 (وقال and لتقاسم are one word each).
        Assert.Equal(32, (int)article["wordCount"]!);
        Assert.Equal(1, (int)article["readingTimeMinutes"]!);
    }

    [Fact]
    public async Task Summaries_carry_subtitle_bylines_and_the_lead_image()
    {
        var put = await FurnitureRecords.PutAsync(_writer, "furniture-summary", FurnitureRecords.New("furniture-summary"));
        var id = (int)(await put.NodeAsync())["id"]!;
        var page = await (await _reader.GetAsync("/api/v1/articles?publishedFrom=2026-11-21T00:00:00Z&publishedTo=2026-11-22T00:00:00Z&limit=100", TestContext.Current.CancellationToken)).NodeAsync();
        var summary = page["items"]!.AsArray().Single(a => (int)a!["id"]! == id)!;
        Assert.Equal("الاجتماع الطارئ يناقش خطة مشتركة لتقاسم مياه الأنهار", (string?)summary["subtitle"]);
        Assert.Equal(2, summary["bylines"]!.AsArray().Count);
        Assert.Equal("https://furniture.example/i/1.jpg", (string?)summary["image"]!["url"]);
        Assert.Null(summary["media"]);
        Assert.Null(summary["wordCount"]);
    }

    [Fact]
    public async Task An_update_replaces_bylines_and_media_and_an_article_without_images_has_no_lead_image()
    {
        await FurnitureRecords.PutAsync(_writer, "furniture-update", FurnitureRecords.New("furniture-update"));
        var changed = FurnitureRecords.New("furniture-update", author: "ليلى حداد");
        changed["media"] = new JsonArray(new JsonObject { ["kind"] = "audio", ["url"] = "https://furniture.example/a/1.mp3" });
        changed["bylines"]!.AsArray().RemoveAt(1);
        var updated = await FurnitureRecords.PutAsync(_writer, "furniture-update", changed);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var article = await updated.NodeAsync();
        Assert.Equal("ليلى حداد", (string?)Assert.Single(article["bylines"]!.AsArray())!["name"]);
        Assert.Equal("audio", (string?)Assert.Single(article["media"]!.AsArray())!["kind"]);
        Assert.Null(article["image"]);
    }

    [Fact]
    public async Task A_record_without_the_new_fields_still_writes_with_empty_ones()
    {
        var record = FurnitureRecords.New("furniture-old");
        foreach (var field in new[] { "subtitle", "bylines", "media", "sections" })
        {
            record.Remove(field);
        }

        var put = await FurnitureRecords.PutAsync(_writer, "furniture-old", record);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var article = await put.NodeAsync();
        Assert.Null((string?)article["subtitle"]);
        Assert.Empty(article["bylines"]!.AsArray());
        Assert.Empty(article["media"]!.AsArray());
        Assert.Empty(article["sections"]!.AsArray());
        Assert.Null(article["image"]);
    }

    [Theory]
    [InlineData("media", """[{"kind":"image","url":"ftp://files.example/a.jpg"}]""", "media[0].url")]
    [InlineData("media", """[{"kind":"image","url":"/relative.jpg"}]""", "media[0].url")]
    [InlineData("media", """[{"kind":"picture","url":"https://a.example/a.jpg"}]""", "media[0].kind")]
    [InlineData("media", """[{"kind":"image","url":"https://a.example/a.jpg","width":0}]""", "media[0].width")]
    [InlineData("media", """[{"kind":"image","url":"https://a.example/a.jpg","mimeType":"jpeg"}]""", "media[0].mimeType")]
    [InlineData("bylines", """[{"name":"سلمى","role":"writer"}]""", "bylines[0].role")]
    [InlineData("bylines", """[{"name":"ـــ","role":"author"}]""", "bylines[0].name")]
    [InlineData("sections", """["أخبار//العالم"]""", "sections[0]")]
    [InlineData("sections", """["   "]""", "sections[0]")]
    public async Task Invalid_furniture_is_a_400_naming_the_field(string field, string json, string expected)
    {
        var record = FurnitureRecords.New("furniture-invalid");
        record[field] = JsonNode.Parse(json);
        var response = await FurnitureRecords.PutAsync(_writer, "furniture-invalid", record);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await response.NodeAsync())["errors"]![expected]);
    }

    [Fact]
    public async Task Media_count_toward_the_record_limits()
    {
        var record = FurnitureRecords.New("furniture-many");
        record["media"] = new JsonArray([.. Enumerable.Range(0, 201).Select(i => (JsonNode)new JsonObject { ["kind"] = "image", ["url"] = $"https://a.example/{i}.jpg" })]);
        var response = await FurnitureRecords.PutAsync(_writer, "furniture-many", record);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.NodeAsync())["errors"]!["media"]);
    }

    [Fact]
    public async Task New_text_fields_are_cleaned_like_titles()
    {
        var record = FurnitureRecords.New("furniture-clean");
        record["subtitle"] = "عنوان\u202E فرعي";
        record["bylines"]![0]!["name"] = "سلمى\u200F الرفاعي";
        record["media"]![1]!["caption"] = "تعليق\u2066 الصورة";
        record["media"]![1]!["credit"] = "\u202Bخالد يوسف";
        var article = await (await FurnitureRecords.PutAsync(_writer, "furniture-clean", record)).NodeAsync();
        Assert.Equal("عنوان فرعي", (string?)article["subtitle"]);
        Assert.Equal("سلمى الرفاعي", (string?)article["bylines"]![0]!["name"]);
        Assert.Equal("تعليق الصورة", (string?)article["image"]!["caption"]);
        Assert.Equal("خالد يوسف", (string?)article["image"]!["credit"]);
    }

    [Fact]
    public async Task A_GraphQL_upsert_writes_subtitle_bylines_media_and_sections_as_REST_does()
    {
        const string mutation = """
            mutation($input: UpsertArticleInput!) { upsertArticle(input: $input) { userErrors { field } article { databaseId subtitle
              bylines { name role entity { name type } } image { url caption credit width } media { kind url }
              sections { name path } wordCount } } }
            """;
        var input = new
        {
            externalId = "furniture-graphql",
            title = "بلدية المرفأ تفتتح مكتبة عامة في الحي القديم",
            body = "افتتحت بلدية المرفأ مكتبة عامة جديدة في الحي القديم.",
            language = "ar",
            publishedAt = "2026-11-21T10:00:00Z",
            source = new { name = "صحيفة المرفأ", kind = "NEWSPAPER" },
            subtitle = "ثلاثة آلاف كتاب في الأسبوع الأول",
            bylines = new[] { new { name = "رنا الخطيب", role = "AUTHOR" }, new { name = "سامر نجم", role = "PHOTOGRAPHER" } },
            media = new object[]
            {
                new { kind = "VIDEO", url = "https://marfa.example/v/library.mp4" },
                new { kind = "IMAGE", url = "https://marfa.example/i/library.jpg", caption = "قاعة القراءة", credit = "سامر نجم", width = 1600 },
            },
            sections = new[] { "محليات/ثقافة" },
        };
        var response = await _writer.GraphQLAsync(mutation, new { input });
        var article = response.Data["upsertArticle"]!["article"]!;
        Assert.Equal("ثلاثة آلاف كتاب في الأسبوع الأول", (string?)article["subtitle"]);
        Assert.Equal(["AUTHOR", "PHOTOGRAPHER"], article["bylines"]!.AsArray().Select(b => (string?)b!["role"]));
        Assert.Equal(("رنا الخطيب", "PERSON"), ((string?)article["bylines"]![0]!["entity"]!["name"], (string?)article["bylines"]![0]!["entity"]!["type"]));
        Assert.Equal(("https://marfa.example/i/library.jpg", "قاعة القراءة", 1600), ((string?)article["image"]!["url"], (string?)article["image"]!["caption"], (int)article["image"]!["width"]!));
        Assert.Equal(["VIDEO", "IMAGE"], article["media"]!.AsArray().Select(m => (string?)m!["kind"]));
        Assert.Equal(["محليات/ثقافة"], article["sections"]!.AsArray().Select(x => (string?)x!["path"]));

        // REST reads the same article.
        var rest = await (await _reader.GetAsync($"/api/v1/articles/{(int)article["databaseId"]!}", TestContext.Current.CancellationToken)).NodeAsync();
        Assert.Equal("رنا الخطيب", (string?)rest["bylines"]![0]!["name"]);
        Assert.Equal("ثقافة", (string?)rest["sections"]![0]!["name"]);

        // A bad media URL is refused like on REST (a user error on its field), not stored.
        var bad = (await _writer.GraphQLAsync(mutation, new { input = input with { externalId = "furniture-graphql-bad", media = new object[] { new { kind = "IMAGE", url = "ftp://marfa.example/x.jpg" } } } })).Data["upsertArticle"]!;
        Assert.Null(bad["article"]);
        Assert.Contains(bad["userErrors"]!.AsArray(), e => ((string?)e!["field"])!.StartsWith("media", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync("/api/v1/articles/by-external-id/furniture-graphql-bad", TestContext.Current.CancellationToken)).StatusCode);
    }
}
