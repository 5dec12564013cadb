using System.Net;
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
    public async Task Missing_metadata_wrong_type_and_missing_key_are_refused()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsync("/api/v1/articles/import-page?title=x", Text(Page), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await _client.PostAsync("/api/v1/articles/import-page?externalId=a&title=b&publishedAt=2026-11-20T00:00:00Z",
            new StringContent("{}", Encoding.UTF8, "application/json"), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsync("/api/v1/articles/import-page?externalId=a&title=b&publishedAt=2026-11-20T00:00:00Z", Text(Page), Ct)).StatusCode);
    }

    private static List<string> Names(JsonNode list) => [.. list.AsArray().Select(k => k!["name"]!.GetValue<string>())];

    private static StringContent Text(string page) => new(page, Encoding.UTF8, "text/plain");

    private Task<HttpResponseMessage> ImportAsync(string page, string externalId, string title) =>
        _client.PostAsync($"/api/v1/articles/import-page?externalId={externalId}&title={Uri.EscapeDataString(title)}&publishedAt=2026-11-24T09:00:00Z", Text(page), Ct);
}
