using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Ingestion;

/// <summary>POST /api/v1/articles/import-page on the shared sample page and on variants written here.</summary>
public sealed class PageImportTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A page in the sample's layout, about an invented water project (written for these tests).</summary>
    private const string Page = """
        أعلنت هيئة المياه في مدينة الريان عن بدء تشغيل محطة تحلية جديدة على الساحل الشمالي.
        وقال مدير الهيئة رامي القاسم إن المحطة "ستغطي حاجة ربع السكان خلال الصيف".

        وأضاف القاسم أن شركة سحاب للتقنية ستتولى أنظمة المراقبة الرقمية في محطة التحلية.

        أخبار ذات صلة هيئة المياه تحذر من هدر المياه في الصيف الريان تستضيف مؤتمراً عن تحلية المياه المصدر: وكالة زهران للأنباء

        المصدر: صحيفة الشروق اليومية

        كلمات دلالية: رامي القاسم محطة التحلية هيئة المياه

        اقرأ أيضا

        الريان تستضيف مؤتمراً عن تحلية المياه

        تستضيف الريان الشهر المقبل مؤتمراً إقليمياً عن تقنيات تحلية المياه بمشاركة خبراء من عشر دول.

        مقالات مشابهة
          • هيئة المياه تحذر من هدر المياه في الصيف
          - الريان تستضيف مؤتمراً عن تحلية المياه
        """;

    [Fact]
    public async Task Page_becomes_an_article_with_source_agency_keywords_links_and_the_read_also_article()
    {
        var response = await ImportAsync(Page, "page-water-1", "الريان تشغل محطة تحلية جديدة");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = await response.NodeAsync();
        var article = result["article"]!;
        Assert.Equal("صحيفة الشروق اليومية", article["source"]!["name"]!.GetValue<string>());
        Assert.Equal("newspaper", article["source"]!["kind"]!.GetValue<string>());
        Assert.Equal(("وكالة زهران للأنباء", "agency"), (article["credits"]![0]!["name"]!.GetValue<string>(), article["credits"]![0]!["kind"]!.GetValue<string>()));
        Assert.Equal(["رامي القاسم", "محطة التحلية", "هيئة المياه"], Names(article["keywords"]!));
        Assert.StartsWith("أعلنت هيئة المياه", article["body"]!.GetValue<string>(), StringComparison.Ordinal);

        var readAlso = result["readAlso"]!;
        Assert.Equal("الريان تستضيف مؤتمراً عن تحلية المياه", readAlso["title"]!.GetValue<string>());
        var publisherLinks = article["links"]!.AsArray().Where(l => l!["origin"]!.GetValue<string>() == "publisher").ToList();
        var readAlsoLink = publisherLinks.Single(l => l!["kind"]!.GetValue<string>() == "readAlso")!;
        Assert.Equal(readAlso["id"]!.GetValue<int>(), readAlsoLink["targetId"]!.GetValue<int>());
        Assert.Equal(["هيئة المياه تحذر من هدر المياه في الصيف", "الريان تستضيف مؤتمراً عن تحلية المياه"],
            publisherLinks.Where(l => l!["kind"]!.GetValue<string>() == "related").Select(l => l!["title"]!.GetValue<string>()));
        // The similar bullet naming the read-also article resolves to it; the other stays unresolved, title kept.
        var similar = publisherLinks.Where(l => l!["kind"]!.GetValue<string>() == "similar").ToList();
        Assert.Equal(2, similar.Count);
        Assert.Contains(similar, l => l!["targetId"]?.GetValue<int>() == readAlso["id"]!.GetValue<int>());
        Assert.Contains(similar, l => l!["targetId"] is null && l["title"]!.GetValue<string>() == "هيئة المياه تحذر من هدر المياه في الصيف");
    }

    [Fact]
    public async Task Importing_the_same_page_again_updates_nothing_new()
    {
        // Its own read-also title: a stored article with the same title would be linked instead of created.
        var page = Page.Replace("مؤتمراً عن تحلية", "معرضاً عن تحلية", StringComparison.Ordinal);
        await ImportAsync(page, "page-water-2", "عنوان أول");
        var again = await ImportAsync(page, "page-water-2", "عنوان أول");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var articles = await (await _client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString("\"محطة تحلية جديدة\""), Ct)).NodeAsync();
        Assert.Single(articles["items"]!.AsArray(), a => a!["externalId"]!.GetValue<string>() == "page-water-2");
    }

    [Fact]
    public async Task The_shared_sample_page_is_read()
    {
        var path = RepoPaths.Shared("samples", "news-page.txt");
        if (path is null)
        {
            Assert.Skip("../shared/samples/news-page.txt is not on this machine");
        }

        var response = await ImportAsync(await File.ReadAllTextAsync(path, Ct), "page-sample-1", "الريان توسع شبكة الحافلات الكهربائية");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var article = (await response.NodeAsync())["article"]!;
        Assert.Equal(["سامر الخطيب", "الحافلات الكهربائية", "بلدية الريان"], Names(article["keywords"]!));
        Assert.Equal("وكالة الأنباء المحلية", article["credits"]![0]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("المصدر: صحيفة الشروق اليومية\n", "body")]
    [InlineData("نص الخبر فقط بلا مصدر.\n", "publisher")]
    public async Task Unreadable_page_is_422_naming_the_missing_part(string page, string missing)
    {
        var response = await ImportAsync(page, "page-bad", "عنوان");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(missing, (await response.NodeAsync())["missingPart"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_contract_json_body_works_with_only_the_text_and_derives_stable_metadata()
    {
        // Its own titles, so nothing links to articles other tests stored.
        var page = Page.Replace("هدر المياه", "تسرب المياه", StringComparison.Ordinal).Replace("مؤتمراً عن", "ندوة عن", StringComparison.Ordinal);
        var first = await _client.PostAsJsonAsync("/api/v1/articles/import-page", new { text = page }, Ct);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var article = (await first.NodeAsync())["article"]!;
        Assert.Equal("أعلنت هيئة المياه في مدينة الريان عن بدء تشغيل محطة تحلية جديدة على الساحل الشمالي", article["title"]!.GetValue<string>());
        Assert.StartsWith("page-", article["externalId"]!.GetValue<string>(), StringComparison.Ordinal);

        // The same page again is the same article, unchanged (its derived time is kept, not reset to now).
        var again = await _client.PostAsJsonAsync("/api/v1/articles/import-page", new { text = page }, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var second = (await again.NodeAsync())["article"]!;
        Assert.Equal(article["id"]!.GetValue<int>(), second["id"]!.GetValue<int>());
        Assert.Equal(article["publishedAt"]!.GetValue<string>(), second["publishedAt"]!.GetValue<string>());

        var full = await _client.PostAsJsonAsync("/api/v1/articles/import-page",
            new { text = page, title = "عنوان من الناشر", url = "https://alshorouk.example/water/2", publishedAt = "2026-11-24T09:00:00Z", externalId = "page-json-2" }, Ct);
        Assert.Equal(HttpStatusCode.Created, full.StatusCode);
        var given = (await full.NodeAsync())["article"]!;
        Assert.Equal(("page-json-2", "عنوان من الناشر", "https://alshorouk.example/water/2"),
            (given["externalId"]!.GetValue<string>(), given["title"]!.GetValue<string>(), given["url"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_stored_title_splits_a_run_together_related_line()
    {
        var stored = await _client.PutAsJsonAsync("/api/v1/articles/by-external-id/page-park", new
        {
            title = "بلدية الواحة تفتتح حديقة عامة",
            body = "افتتحت بلدية الواحة حديقة عامة جديدة.",
            language = "ar",
            publishedAt = "2026-11-20T09:00:00Z",
            source = new { name = "صحيفة الشروق اليومية", kind = "newspaper" },
        }, Ct);
        var storedId = (await stored.NodeAsync())["id"]!.GetValue<int>();
        const string RunTogether = "بدأ مزارعو النخيل في الواحة الاستعداد لموسم الحصاد.\n\n"
            + "أخبار ذات صلة بلدية الواحة تفتتح حديقة عامة مزارعو النخيل يستعدون لموسم الحصاد المصدر: وكالة زهران للأنباء\n\n"
            + "المصدر: صحيفة الشروق اليومية\n\nكلمات دلالية: نخيل\n";
        var response = await _client.PostAsJsonAsync("/api/v1/articles/import-page", new { text = RunTogether, externalId = "page-palms" }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var related = (await response.NodeAsync())["article"]!["links"]!.AsArray().Where(l => l!["kind"]!.GetValue<string>() == "related").ToList();
        Assert.Equal(["بلدية الواحة تفتتح حديقة عامة", "مزارعو النخيل يستعدون لموسم الحصاد"], related.Select(l => l!["title"]!.GetValue<string>()));
        Assert.Equal(storedId, related[0]!["targetId"]!.GetValue<int>());
        Assert.Null(related[1]!["targetId"]);
    }

    [Fact]
    public async Task Missing_text_bad_metadata_wrong_type_and_missing_key_are_refused()
    {
        var empty = await _client.PostAsync("/api/v1/articles/import-page", new StringContent("{}", Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.NotNull((await empty.NodeAsync())["errors"]!["text"]);
        var badTime = await _client.PostAsJsonAsync("/api/v1/articles/import-page", new { text = Page, publishedAt = "yesterday" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badTime.StatusCode);
        Assert.NotNull((await badTime.NodeAsync())["errors"]!["publishedAt"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsync("/api/v1/articles/import-page", new StringContent("{\"text\": ", Encoding.UTF8, "application/json"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await _client.PostAsync("/api/v1/articles/import-page",
            new StringContent("<page/>", Encoding.UTF8, "application/xml"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsync("/api/v1/articles/import-page?externalId=a&title=b&publishedAt=2026-11-20T00:00:00Z", Text(Page), Ct)).StatusCode);
    }

    [Fact]
    public async Task GraphQL_importPage_reads_the_same_page_and_reports_a_missing_part()
    {
        var page = Page.Replace("هدر المياه", "ترشيد المياه", StringComparison.Ordinal).Replace("مؤتمراً عن", "ورشة عن", StringComparison.Ordinal);
        const string Mutation = "mutation($input: ImportPageInput!) { importPage(input: $input) { status missingPart article { externalId credits { name } keywords { name } links { kind title } } readAlso { title } userErrors { field message } } }";
        var response = await _client.GraphQLAsync(Mutation, new { input = new { text = page, externalId = "page-graphql-1", title = "الريان تشغل محطة تحلية" } });
        var payload = response.Data["importPage"]!;
        Assert.Equal("CREATED", payload["status"]!.GetValue<string>());
        Assert.Equal("وكالة زهران للأنباء", payload["article"]!["credits"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(["رامي القاسم", "محطة التحلية", "هيئة المياه"], Names(payload["article"]!["keywords"]!).Take(3));
        Assert.Equal("الريان تستضيف ورشة عن تحلية المياه", payload["readAlso"]!["title"]!.GetValue<string>());
        Assert.Contains(payload["article"]!["links"]!.AsArray(), l => l!["kind"]!.GetValue<string>() == "READ_ALSO");

        var unreadable = (await _client.GraphQLAsync(Mutation, new { input = new { text = "نص الخبر فقط بلا مصدر." } })).Data["importPage"]!;
        Assert.Equal("publisher", unreadable["missingPart"]!.GetValue<string>());
        Assert.Null(unreadable["article"]);
        Assert.Equal("text", unreadable["userErrors"]![0]!["field"]!.GetValue<string>());

        var anonymous = await factory.CreateClient().GraphQLAsync(Mutation, new { input = new { text = page } });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
    }

    private static List<string> Names(JsonNode list) => [.. list.AsArray().Select(k => k!["name"]!.GetValue<string>())];

    private static StringContent Text(string page) => new(page, Encoding.UTF8, "text/plain");

    private Task<HttpResponseMessage> ImportAsync(string page, string externalId, string title) =>
        _client.PostAsync($"/api/v1/articles/import-page?externalId={externalId}&title={Uri.EscapeDataString(title)}&publishedAt=2026-11-24T09:00:00Z", Text(page), Ct);
}
