using NewsMeta.Api.Common.OpenApi;
using NewsMeta.Api.Features.Articles;

namespace NewsMeta.Api.Features.Ingestion;

/// <summary>OpenAPI examples of NDJSON import/export and the page import, in the interchange format and the page layout of shared/samples.</summary>
public static class IngestionExamples
{
    // What the page below becomes: its related headline resolved to the stored article with that title.
    private static readonly ArticleDto PageArticle = new()
    {
        Id = 55,
        ExternalId = "ofuq-2026-11-24-seafront-park",
        Slug = "seafront-park",
        Url = "https://ofuq.example/news/2026/11/24/seafront-park",
        Title = "بلدية الريان تفتتح حديقة عامة على الواجهة البحرية",
        Summary = null,
        Language = "ar",
        PublishedAt = ArticleSamples.Utc(2026, 11, 24, 9, 0),
        UpdatedAt = null,
        ChangedAt = ArticleSamples.Utc(2026, 11, 24, 9, 3),
        Source = new SourceRefDto { Id = 3, Name = "موقع الأفق الإخباري", Kind = Sources.SourceKind.Site },
        Credits = [new SourceRefDto { Id = 4, Name = "وكالة الأنباء المحلية", Kind = Sources.SourceKind.Agency }],
        Keywords = [new KeywordRefDto { Id = 131, Name = "منير العلي", Origin = Origin.Publisher }, new KeywordRefDto { Id = 42, Name = "بلدية الريان", Origin = Origin.Publisher }],
        Body = "افتتحت بلدية الريان صباح اليوم حديقة عامة جديدة على الواجهة البحرية.\nوقال رئيس البلدية منير العلي إن الحديقة \"ستكون متنفساً للعائلات\".",
        Entities =
        [
            new ArticleEntityDto { Id = 15, Name = "منير العلي", Type = NamedEntities.EntityType.Person, Mentions = 1, Origin = Origin.Extracted },
            new ArticleEntityDto { Id = 4, Name = "الريان", Type = NamedEntities.EntityType.Location, Mentions = 1, Origin = Origin.Extracted },
        ],
        Links =
        [
            new ArticleLinkDto
            {
                Kind = LinkKind.Related, TargetId = 28, TargetExternalId = "shorouq-2026-07-03-old-souq-restoration",
                Title = "بلدية الريان تطلق مشروعاً لترميم سوق الصاغة القديم", Url = "https://shorouq.example/ar/2026/07/03/old-souq-restoration", Origin = Origin.Publisher,
            },
        ],
    };

    // A small page in the shape news sites publish: JSON-LD, OpenGraph, the article, a tag list and a related list.
    private const string HtmlPage = """
        <!DOCTYPE html>
        <html lang="ar"><head><meta charset="utf-8">
        <title>بلدية الريان تفتتح حديقة عامة على الواجهة البحرية | موقع الأفق الإخباري</title>
        <link rel="canonical" href="https://ofuq.example/news/2026/11/24/seafront-park">
        <meta property="og:site_name" content="موقع الأفق الإخباري">
        <script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
          "headline": "بلدية الريان تفتتح حديقة عامة على الواجهة البحرية", "alternativeHeadline": "متنفس جديد للعائلات",
          "datePublished": "2026-11-24T12:00:00+03:00", "author": {"@type": "Person", "name": "سلمى الرفاعي"},
          "image": {"@type": "ImageObject", "url": "https://ofuq.example/img/park.jpg", "caption": "مدخل الحديقة", "creditText": "تصوير: خالد يوسف"},
          "articleSection": "محليات", "publisher": {"@type": "NewsMediaOrganization", "name": "موقع الأفق الإخباري"}}</script>
        </head><body>
        <nav><a href="/">الرئيسية</a> <a href="/local">محليات</a></nav>
        <article><h1>بلدية الريان تفتتح حديقة عامة على الواجهة البحرية</h1>
        <p>افتتحت بلدية الريان صباح اليوم حديقة عامة جديدة على الواجهة البحرية.</p>
        <p>وقال رئيس البلدية منير العلي إن الحديقة "ستكون متنفساً للعائلات".</p>
        <p>وتضم الحديقة ممشى بطول كيلومترين وملاعب للأطفال ومقاعد مظللة تطل على البحر، وتفتح أبوابها يومياً حتى منتصف الليل.</p>
        <div class="tags"><a href="/tag/1">منير العلي</a> <a href="/tag/2">بلدية الريان</a></div></article>
        <section class="related"><h3>أخبار ذات صلة</h3><a href="/news/2026/07/03/old-souq-restoration">بلدية الريان تطلق مشروعاً لترميم سوق الصاغة القديم</a></section>
        <footer>موقع الأفق الإخباري © 2026</footer>
        </body></html>
        """;

    public static OperationExamples Import { get; } = new()
    {
        // An NDJSON body is text, one JSON object a line; the example is a file of one line: one article.
        Request = new("One line: the budget vote", NdjsonLine(ArticleSamples.Record), IngestionEndpoints.NdjsonContentType),
        Responses =
        {
            [200] = new("A file of 50 lines: 49 stored, line 17 rejected", new ImportReport { Created = 46, Updated = 2, Unchanged = 1 }.WithRejected(17, "publishedAt", "is required")),
            [415] = ProblemExamples.Problem("Not NDJSON", 415, "Unsupported media type", "Send the articles as application/x-ndjson, one JSON object per line."),
        },
    };

    public static OperationExamples Export { get; } = new()
    {
        Parameters = { ["updatedSince"] = "2026-03-10T00:00:00Z" },
        Responses =
        {
            [200] = new("One line of the stream: an article in the interchange format", NdjsonLine(ArticleSamples.Record), IngestionEndpoints.NdjsonContentType),
            [400] = ProblemExamples.Invalid("A date without an offset", "updatedSince", "must be an RFC 3339 date-time with an offset, e.g. 2026-03-10T08:15:00Z"),
        },
    };

    public static OperationExamples ImportPage { get; } = new()
    {
        // The query parameters serve the text/plain form; the example request is the JSON form, which carries them itself.
        Parameters =
        {
            ["externalId"] = "ofuq-2026-11-24-seafront-park",
            ["title"] = "بلدية الريان تفتتح حديقة عامة على الواجهة البحرية",
            ["publishedAt"] = "2026-11-24T09:00:00Z",
            ["url"] = "https://ofuq.example/news/2026/11/24/seafront-park",
            ["language"] = "ar",
        },
        Request = new("A scraped page with its metadata", new PageImportRequest
        {
            Text = "افتتحت بلدية الريان صباح اليوم حديقة عامة جديدة على الواجهة البحرية.\nوقال رئيس البلدية منير العلي إن الحديقة \"ستكون متنفساً للعائلات\".\n\n"
                + "أخبار ذات صلة بلدية الريان تطلق مشروعاً لترميم سوق الصاغة القديم المصدر: وكالة الأنباء المحلية\n\n"
                + "المصدر: موقع الأفق الإخباري\n\nكلمات دلالية: منير العلي بلدية الريان",
            Title = "بلدية الريان تفتتح حديقة عامة على الواجهة البحرية",
            Url = "https://ofuq.example/news/2026/11/24/seafront-park",
            PublishedAt = "2026-11-24T09:00:00Z",
            ExternalId = "ofuq-2026-11-24-seafront-park",
            Language = "ar",
        }),
        OtherRequests =
        {
            new("A whole HTML page (url in the query)", HtmlPage, "text/html"),
            new("A whole HTML page as JSON", new PageImportRequest { Html = HtmlPage, Url = "https://ofuq.example/news/2026/11/24/seafront-park" }),
        },
        Responses =
        {
            [201] = new("Created: the page's article", new PageImportResultDto { Article = PageArticle }),
            [200] = new("Updated: the page's article", new PageImportResultDto { Article = PageArticle }),
            [400] = ProblemExamples.Invalid("No text", "text", "is required: the page"),
            [413] = ProblemExamples.Problem("An HTML page over the limit", 413, "Payload too large", "An HTML page is at most 5242880 bytes (Ingestion:MaxHtmlPageBytes)."),
            [422] = ProblemExamples.Problem("A page without its publisher", 422, "Unreadable page", "The page has no \"المصدر:\" line naming its publisher."),
        },
    };

    private static ImportReport WithRejected(this ImportReport report, int line, string field, string message)
    {
        report.Reject(line, new Dictionary<string, string[]> { [field] = [message] });
        return report;
    }

    private static string NdjsonLine(object record) => System.Text.Json.JsonSerializer.Serialize(record, record.GetType(), Common.Json.NewsJson.Options) + "\n";
}
