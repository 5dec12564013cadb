using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Auth;
using NewsMeta.Api.Common.Http;
using NewsMeta.Api.Common.OpenApi;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Ingestion.Html;

namespace NewsMeta.Api.Features.Ingestion;

/// <summary>The articles a page import wrote.</summary>
public sealed class PageImportResultDto
{
    public required ArticleDto Article { get; init; }

    /// <summary>The read-also article the page embedded, when it was new.</summary>
    public ArticleDto? ReadAlso { get; init; }
}

/// <summary>The JSON form of a page import: the page (text or html) and what it does not say (all but text or html optional).</summary>
public sealed class PageImportRequest
{
    /// <summary>The scraped page, laid out like shared/samples/news-page.txt.</summary>
    public string? Text { get; init; }

    /// <summary>Instead of text: a whole HTML page as a browser received it (with url, the address it came from).</summary>
    public string? Html { get; init; }

    /// <summary>The main article's title; default: the body's first sentence.</summary>
    public string? Title { get; init; }

    /// <summary>Its canonical URL.</summary>
    public string? Url { get; init; }

    /// <summary>RFC 3339; default: kept from the stored article, else the time of import.</summary>
    /// <example>2026-11-24T09:00:00Z</example>
    public string? PublishedAt { get; init; }

    /// <summary>The publisher's id (the idempotency key); default: derived from the url, else from the text.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Language tag; default ar.</summary>
    public string? Language { get; init; }
}

/// <summary>POST /api/v1/articles/import-page.</summary>
public static class PageImportEndpoints
{
    private const int MaxPageBytes = 1 << 20;

    public static RouteGroupBuilder MapPageImport(this RouteGroupBuilder articles)
    {
        // A whole HTML page may be larger than an ordinary body; its JSON form larger still (escaping).
        var maxHtml = ((IEndpointRouteBuilder)articles).ServiceProvider.GetRequiredService<IOptions<IngestionOptions>>().Value.MaxHtmlPageBytes;
        articles.MapPost("/import-page", ImportPage).WithName("importPage")
            .WithSummary("Import a news page: scraped text or a whole HTML page")
            .WithDescription("Body: a whole HTML page as text/html (charset from the header, else the page's meta charset, else UTF-8), with url, externalId, title, publishedAt and language in the query; or application/json {\"html\", \"url\"?, …}; or scraped text as application/json {\"text\", \"title\"?, \"url\"?, \"publishedAt\"?, \"externalId\"?, \"language\"?} or text/plain with the same fields in the query.\n\n"
                + "HTML: metadata is read in order of trust: the page's schema.org NewsArticle JSON-LD (headline, description, dates with their offsets stored in UTC, author, image, articleSection, keywords, publisher), then OpenGraph and article:* meta tags, then the page itself (h1, time, byline, figures). The body is the readable article text paragraph by paragraph, without navigation, ads, share bars, \"most read\" boxes, footers, breadcrumbs and inline \"read also\" boxes. Tag lists become keywords, related-article lists become related links and an inline \"read also\" link a readAlso link, with absolute URLs resolved against the page URL. The externalId is derived from the canonical URL (else og:url, else the url given) as for text; what the caller gives overrides the page. A page is at most Ingestion:MaxHtmlPageBytes (default 5 MiB; 413 beyond); a page without an article is a 422 that says so.\n\n"
                + "Text: laid out like shared/samples/news-page.txt (body paragraphs; 'أخبار ذات صلة … المصدر: agency'; 'المصدر: publisher'; 'كلمات دلالية: …'; 'إقرأ أيضاً:' with a second article; 'مقالات مشابهة' bullets). Omitted metadata is derived: externalId from the url (else the text), title from the body's first sentence, publishedAt kept from the stored article (else now). Creates or updates the main article (publisher, credited agency, keywords, readAlso/related/similar links resolved to stored articles by normalised title) and the read-also article. Run-together keywords and titles are split using known entities, keywords and the page's own text; what cannot be split stays whole. 422 names the part a page lacks.\n\nEither way the article goes through the same write pipeline as every write (entities, keyphrases, similar links). Needs the write scope.")
            .Accepts<PageImportRequest>("application/json", "text/plain", "text/html")
            .RequireAuthorization(Scopes.WritePolicy)
            .WithMetadata(new RequestSizeLimitAttribute(JsonLimit(maxHtml)))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithExamples(IngestionExamples.ImportPage);
        return articles;
    }

    /// <param name="externalId">text/plain and text/html: the main article's id at the publisher (the idempotency key).</param>
    /// <param name="title">text/plain and text/html: the main article's title (the page text does not carry it; an HTML page does).</param>
    /// <param name="publishedAt">text/plain and text/html: when it was published (RFC 3339).</param>
    /// <param name="url">text/plain and text/html: its canonical URL, if known (an HTML page's links are resolved against it).</param>
    /// <param name="language">text/plain and text/html: language tag (default ar, or the HTML page's).</param>
    /// <param name="request"></param>
    /// <param name="importer"></param>
    /// <param name="htmlImporter"></param>
    /// <param name="options"></param>
    /// <param name="queries"></param>
    /// <param name="ct"></param>
    private static async Task<Results<Created<PageImportResultDto>, Ok<PageImportResultDto>, ValidationProblem, ProblemHttpResult>> ImportPage(
        [FromQuery] string? externalId, [FromQuery] string? title, [FromQuery] string? publishedAt, [FromQuery] string? url, [FromQuery] string? language,
        HttpRequest request, PageImporter importer, HtmlPageImporter htmlImporter, IOptions<IngestionOptions> options, ArticleQueries queries, CancellationToken ct)
    {
        var contentType = request.ContentType ?? "";
        var isJson = contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);
        var isHtml = contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase);
        if (!isJson && !isHtml && !contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Send a whole HTML page as text/html, application/json {\"html\": …} or {\"text\": …}, or the scraped text as text/plain (UTF-8).");
        }

        var maxHtml = options.Value.MaxHtmlPageBytes;
        var fields = new PageImportRequest { ExternalId = externalId, Title = title, PublishedAt = publishedAt, Url = url, Language = language };
        var errors = new QueryErrors();
        if (isHtml)
        {
            if (await BoundedBytes.ReadAsync(request, maxHtml, ct) is not { } bytes)
            {
                return TooLarge($"An HTML page is at most {maxHtml} bytes (Ingestion:MaxHtmlPageBytes).");
            }

            var charset = Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type) ? type.Charset.Value : null;
            fields = new PageImportRequest { Html = HtmlPageBytes.Decode(bytes, charset), ExternalId = externalId, Title = title, PublishedAt = publishedAt, Url = url, Language = language };
        }
        else if (await BoundedText.ReadAsync(request, isJson ? (int)Math.Min(int.MaxValue, JsonLimit(maxHtml)) : MaxPageBytes, ct) is not { } body)
        {
            return TooLarge($"A page is at most {MaxPageBytes} characters.");
        }
        else if (!isJson)
        {
            fields = new PageImportRequest { Text = body, ExternalId = externalId, Title = title, PublishedAt = publishedAt, Url = url, Language = language };
        }
        else
        {
            try
            {
                fields = System.Text.Json.JsonSerializer.Deserialize<PageImportRequest>(body, Common.Json.NewsJson.Options);
            }
            catch (System.Text.Json.JsonException ex)
            {
                errors.Add("body", $"is not a JSON object of the page-import shape ({ex.Message.Split('.')[0]})");
            }

            if (fields?.Text is { Length: > MaxPageBytes })
            {
                return TooLarge($"A page is at most {MaxPageBytes} characters.");
            }

            if (fields?.Html is { } html && System.Text.Encoding.UTF8.GetByteCount(html) > maxHtml)
            {
                return TooLarge($"An HTML page is at most {maxHtml} bytes (Ingestion:MaxHtmlPageBytes).");
            }
        }

        if (!errors.Any && fields?.Text is not null && fields.Html is not null)
        {
            errors.Add("html", "send either text (a scraped page) or html (a whole page), not both");
        }
        else if (!errors.Any && string.IsNullOrWhiteSpace(fields?.Text) && string.IsNullOrWhiteSpace(fields?.Html))
        {
            errors.Add(isHtml || fields?.Html is not null ? "html" : "text", "is required: the page");
        }

        var published = fields?.PublishedAt is { } instant ? errors.Instant("publishedAt", instant) : null;
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var outcome = fields!.Html is { } page
            ? await htmlImporter.ImportAsync(page, new PageMetadata(Blank(fields.ExternalId), Blank(fields.Title), published, Blank(fields.Url), Blank(fields.Language)), ct)
            : await importer.ImportAsync(fields.Text!, new PageMetadata(Blank(fields.ExternalId), Blank(fields.Title), published, Blank(fields.Url), Blank(fields.Language) ?? "ar"), ct);
        return await RespondAsync(outcome, queries, ct);
    }

    /// <summary>The JSON form's body limit: the page twice over (escaped quotes and non-ASCII) and its envelope.</summary>
    private static long JsonLimit(int maxHtmlBytes) => Math.Max(2L * maxHtmlBytes, MaxPageBytes * 4L) + 65_536;

    private static ProblemHttpResult TooLarge(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large", detail: detail);

    private static async Task<Results<Created<PageImportResultDto>, Ok<PageImportResultDto>, ValidationProblem, ProblemHttpResult>> RespondAsync(
        PageImportOutcome outcome, ArticleQueries queries, CancellationToken ct)
    {
        if (outcome.MissingPart is { } missing)
        {
            var problem = TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Unreadable page", detail: outcome.Error,
                extensions: new Dictionary<string, object?> { ["missingPart"] = missing });
            return problem;
        }

        if (outcome.Invalid is { } invalid)
        {
            return Problems.Invalid(new Dictionary<string, string[]>(invalid));
        }

        if (outcome.Main!.Status == WriteStatus.Rejected || outcome.ReadAlso?.Status == WriteStatus.Rejected)
        {
            var rejected = outcome.Main.Errors ?? outcome.ReadAlso!.Errors!;
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict",
                detail: string.Join(" ", rejected.Select(e => $"{e.Key} {string.Join("; ", e.Value)}")));
        }

        var result = new PageImportResultDto
        {
            Article = (await queries.GetAsync(outcome.Main.ArticleId, ct))!,
            ReadAlso = outcome.ReadAlso is { } second ? await queries.GetAsync(second.ArticleId, ct) : null,
        };
        return outcome.Main.Status == WriteStatus.Created
            ? TypedResults.Created($"/api/v1/articles/{result.Article.Id}", result)
            : TypedResults.Ok(result);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
