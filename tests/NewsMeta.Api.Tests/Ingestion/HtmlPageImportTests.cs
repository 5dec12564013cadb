using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using NewsMeta.Api.Features.Ingestion;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Ingestion;

/// <summary>POST /api/v1/articles/import-page with whole HTML pages (Ingestion/HtmlPages, written for these tests).</summary>
public sealed class HtmlPageImportTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private const string Endpoint = "/api/v1/articles/import-page";
    private readonly HttpClient _client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Html_page_is_stored_with_its_metadata_clean_body_keywords_links_and_enrichment()
    {
        var response = await PostHtmlAsync("alwaha-jsonld.html", "?url=" + Uri.EscapeDataString("https://alwaha.example/akhbar/mahalli/2026/11/24/rayyan-desalination"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var article = (await response.NodeAsync())["article"]!;
        Assert.Equal("الريان تفتتح أكبر محطة لتحلية المياه في الساحل الشمالي", Text(article, "title"));
        Assert.Equal("افتتحت هيئة المياه في الريان محطة تحلية تنتج مئة ألف متر مكعب يومياً.", Text(article, "summary"));
        Assert.Equal("2026-11-24T09:30:00Z", Text(article, "publishedAt"));
        Assert.Equal("2026-11-24T12:05:00Z", Text(article, "updatedAt"));
        Assert.Equal("https://alwaha.example/akhbar/mahalli/2026/11/24/rayyan-desalination", Text(article, "url"));
        Assert.StartsWith("page-", Text(article, "externalId"), StringComparison.Ordinal);
        Assert.Equal("جريدة الواحة", Text(article["source"]!, "name"));
        Assert.Equal(["هيئة المياه", "محطة التحلية", "رامي القاسم", "الريان", "تحلية المياه"], article["keywords"]!.AsArray().Select(k => Text(k!, "name")));

        var body = Text(article, "body");
        Assert.Equal(4, body.Split("\n\n").Length);
        Assert.DoesNotContain("إعلان", body, StringComparison.Ordinal);
        Assert.DoesNotContain("الأكثر قراءة", body, StringComparison.Ordinal);
        Assert.DoesNotContain("تعرفة جديدة", body, StringComparison.Ordinal);

        var links = article["links"]!.AsArray().Where(l => Text(l!, "origin") == "publisher").ToList();
        Assert.Equal(("readAlso", "https://alwaha.example/akhbar/mahalli/2026/10/02/water-tariffs"), (Text(links[0]!, "kind"), Text(links[0]!, "url")));
        Assert.Equal(["https://alwaha.example/akhbar/mahalli/2026/09/14/water-cuts", "https://alwaha.example/iqtisad/2026/08/30/sahab-contract"],
            links.Where(l => Text(l!, "kind") == "related").Select(l => Text(l!, "url")));

        // What a news card shows: the subtitle, the people with their roles, the lead picture with its caption and credit, the section.
        Assert.Equal("المحطة تغطي حاجة ربع السكان في أشهر الصيف", Text(article, "subtitle"));
        Assert.Equal([("سلمى الرفاعي", "author"), ("مازن العبدالله", "editor"), ("خالد يوسف", "photographer")],
            article["bylines"]!.AsArray().Select(b => (Text(b!, "name"), Text(b!, "role"))));
        Assert.Equal("https://cdn.alwaha.example/img/2026/11/desal-plant.jpg", Text(article["image"]!, "url"));
        Assert.Equal("خزانات المحطة الجديدة على الساحل الشمالي للريان", Text(article["image"]!, "caption"));
        Assert.False(string.IsNullOrEmpty(Text(article["image"]!, "credit")));
        Assert.Equal(["أخبار/محليات"], article["sections"]!.AsArray().Select(s => Text(s!, "path")));

        // The same pipeline as every write: the catalogue's entities are found in the body.
        Assert.Contains(article["entities"]!.AsArray(), e => Text(e!, "name") == "الريان");

        var again = await PostHtmlAsync("alwaha-jsonld.html", "");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the canonical URL gives the same externalId without ?url
        Assert.Equal(article["id"]!.GetValue<int>(), (await again.NodeAsync())["article"]!["id"]!.GetValue<int>());
    }

    [Fact]
    public async Task Json_form_with_html_and_url_is_the_same_article_as_the_text_html_form()
    {
        var html = HtmlTestPages.Text("alrabea-opengraph.html");
        var json = await _client.PostAsJsonAsync(Endpoint, new { html, url = "https://alrabea.example/ar/zira3a/olive-harvest-2026" }, Ct);
        Assert.Equal(HttpStatusCode.Created, json.StatusCode);
        var article = (await json.NodeAsync())["article"]!;
        Assert.Equal("2026-10-18T04:45:00Z", Text(article, "publishedAt"));
        Assert.Equal("الربيع نت", Text(article["source"]!, "name"));
        Assert.Equal(["https://alrabea.example/ar/zira3a/irrigation-plan", "https://alrabea.example/ar/zira3a/olive-oil-prices"],
            article["links"]!.AsArray().Where(l => Text(l!, "kind") == "related").Select(l => Text(l!, "url")));

        var asHtml = await PostHtmlAsync("alrabea-opengraph.html", "");
        Assert.Equal(HttpStatusCode.OK, asHtml.StatusCode);
        Assert.Equal(article["id"]!.GetValue<int>(), (await asHtml.NodeAsync())["article"]!["id"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("text/html; charset=windows-1256")]
    public async Task Windows_1256_page_is_read_from_its_header_or_its_meta_charset(string contentType)
    {
        using var content = new ByteArrayContent(HtmlTestPages.Bytes("alsahel-noisy-windows1256.html"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var response = await _client.PostAsync(Endpoint + "?url=" + Uri.EscapeDataString("https://alsahel.example/bahr/2026/07/port-research-ship"), content, Ct);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        var article = (await response.NodeAsync())["article"]!;
        Assert.Equal("ميناء الريان يستقبل أول سفينة أبحاث بحرية", Text(article, "title"));
        Assert.Equal("2026-07-12T12:15:00Z", Text(article, "publishedAt"));
        Assert.Equal(3, Text(article, "body").Split("\n\n").Length);
    }

    [Fact]
    public async Task Page_without_an_article_is_422_saying_so()
    {
        var response = await PostHtmlAsync("alnoor-section-front.html", "?url=" + Uri.EscapeDataString("https://alnoor.example/riyada"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.NodeAsync();
        Assert.Equal("body", Text(problem, "missingPart"));
        Assert.Contains("no article", Text(problem, "detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_over_the_limit_is_413_in_both_forms()
    {
        var page = "<html><body><p>" + new string('ن', IngestionOptions.DefaultMaxHtmlPageBytes / 2) + "</p></body></html>";
        using var html = new StringContent(page, Encoding.UTF8, "text/html");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await _client.PostAsync(Endpoint, html, Ct)).StatusCode);
        var json = await _client.PostAsJsonAsync(Endpoint, new { html = page, url = "https://site.example/big" }, Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, json.StatusCode);
        Assert.Equal("application/problem+json", json.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Other_media_types_stay_415_and_a_body_with_both_text_and_html_is_400()
    {
        using var xml = new StringContent("<article/>", Encoding.UTF8, "application/xml");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await _client.PostAsync(Endpoint, xml, Ct)).StatusCode);

        var both = await _client.PostAsJsonAsync(Endpoint, new { text = "نص", html = "<p>نص</p>" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.NotNull((await both.NodeAsync())["errors"]!["html"]);

        using var empty = new StringContent(" ", Encoding.UTF8, "text/html");
        var none = await _client.PostAsync(Endpoint, empty, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.NotNull((await none.NodeAsync())["errors"]!["html"]);
    }

    [Fact]
    public async Task Html_import_needs_the_write_scope()
    {
        using var reader = factory.ClientWithKey(NewsMetaFactory.ReadKey);
        using var content = new ByteArrayContent(HtmlTestPages.Bytes("alnahar-read-also.html"));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync(Endpoint, content, Ct)).StatusCode);
    }

    [Fact]
    public async Task GraphQL_importPage_takes_html_and_reports_a_page_without_an_article()
    {
        const string Mutation = "mutation($input: ImportPageInput!) { importPage(input: $input) { status missingPart article { title publishedAt links { kind url } } userErrors { field message } } }";
        var response = await _client.GraphQLAsync(Mutation, new { input = new { html = HtmlTestPages.Text("almarsad-related-blocks.html"), url = "https://almarsad.example/iqtisad/central-bank-rates-december" } });
        var payload = response.Data["importPage"]!;
        Assert.Empty(payload["userErrors"]!.AsArray());
        Assert.Equal("البنك المركزي يبقي أسعار الفائدة دون تغيير للشهر الرابع", Text(payload["article"]!, "title"));
        Assert.Equal(4, payload["article"]!["links"]!.AsArray().Count(l => Text(l!, "kind") == "RELATED"));

        var front = (await _client.GraphQLAsync(Mutation, new { input = new { html = HtmlTestPages.Text("alnoor-section-front.html") } })).Data["importPage"]!;
        Assert.Equal("body", Text(front, "missingPart"));
        Assert.Equal("html", Text(front["userErrors"]![0]!, "field"));
    }

    private async Task<HttpResponseMessage> PostHtmlAsync(string page, string query)
    {
        using var content = new ByteArrayContent(HtmlTestPages.Bytes(page));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/html") { CharSet = "utf-8" };
        return await _client.PostAsync(Endpoint + query, content, Ct);
    }

    private static string Text(JsonNode node, string property) => node[property]!.GetValue<string>();
}
