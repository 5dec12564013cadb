using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Auth;
using NewsMeta.Api.Common.Http;
using NewsMeta.Api.Common.OpenApi;
using NewsMeta.Api.Features.Articles;

namespace NewsMeta.Api.Features.Ingestion;

/// <summary>The articles a page import wrote.</summary>
public sealed class PageImportResultDto
{
    public required ArticleDto Article { get; init; }

    /// <summary>The read-also article the page embedded, when it was new.</summary>
    public ArticleDto? ReadAlso { get; init; }
}

/// <summary>The JSON form of a page import: the page text and what the text does not say (all but text optional).</summary>
public sealed class PageImportRequest
{
    /// <summary>The scraped page, laid out like shared/samples/news-page.txt.</summary>
    public string? Text { get; init; }

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
        articles.MapPost("/import-page", ImportPage).WithName("importPage")
            .WithSummary("Import a scraped news page")
            .WithDescription("Body: application/json {\"text\", \"title\"?, \"url\"?, \"publishedAt\"?, \"externalId\"?, \"language\"?}, or the page itself as text/plain with the same fields in the query. The page is laid out like shared/samples/news-page.txt (body paragraphs; 'أخبار ذات صلة … المصدر: agency'; 'المصدر: publisher'; 'كلمات دلالية: …'; 'إقرأ أيضاً:' with a second article; 'مقالات مشابهة' bullets). Omitted metadata is derived: externalId from the url (else the text), title from the body's first sentence, publishedAt kept from the stored article (else now). Creates or updates the main article (publisher, credited agency, keywords, readAlso/related/similar links resolved to stored articles by normalised title) and the read-also article. Run-together keywords and titles are split using known entities, keywords and the page's own text; what cannot be split stays whole. 422 names the part a page lacks. Needs the write scope.")
            .Accepts<PageImportRequest>("application/json", "text/plain")
            .RequireAuthorization(Scopes.WritePolicy)
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

    /// <param name="externalId">text/plain only: the main article's id at the publisher (the idempotency key).</param>
    /// <param name="title">text/plain only: the main article's title (the page text does not carry it).</param>
    /// <param name="publishedAt">text/plain only: when it was published (RFC 3339).</param>
    /// <param name="url">text/plain only: its canonical URL, if known.</param>
    /// <param name="language">text/plain only: language tag (default ar).</param>
    /// <param name="request"></param>
    /// <param name="importer"></param>
    /// <param name="queries"></param>
    /// <param name="ct"></param>
    private static async Task<Results<Created<PageImportResultDto>, Ok<PageImportResultDto>, ValidationProblem, ProblemHttpResult>> ImportPage(
        [FromQuery] string? externalId, [FromQuery] string? title, [FromQuery] string? publishedAt, [FromQuery] string? url, [FromQuery] string? language,
        HttpRequest request, PageImporter importer, ArticleQueries queries, CancellationToken ct)
    {
        var contentType = request.ContentType ?? "";
        var isJson = contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase);
        if (!isJson && !contentType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Send application/json {\"text\": …} or the page itself as text/plain (UTF-8).");
        }

        // The JSON envelope adds a little to the page: allow for it.
        if (await BoundedText.ReadAsync(request, isJson ? MaxPageBytes + 8192 : MaxPageBytes, ct) is not { } body)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large", detail: $"A page is at most {MaxPageBytes} characters.");
        }

        var errors = new QueryErrors();
        var fields = new PageImportRequest { Text = body, ExternalId = externalId, Title = title, PublishedAt = publishedAt, Url = url, Language = language };
        if (isJson)
        {
            try
            {
                fields = System.Text.Json.JsonSerializer.Deserialize<PageImportRequest>(body, Common.Json.NewsJson.Options);
            }
            catch (System.Text.Json.JsonException ex)
            {
                errors.Add("body", $"is not a JSON object of the page-import shape ({ex.Message.Split('.')[0]})");
            }
        }

        if (!errors.Any && string.IsNullOrWhiteSpace(fields?.Text))
        {
            errors.Add("text", "is required: the page");
        }

        var published = fields?.PublishedAt is { } instant ? errors.Instant("publishedAt", instant) : null;
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var meta = new PageMetadata(Blank(fields!.ExternalId), Blank(fields.Title), published, Blank(fields.Url), Blank(fields.Language) ?? "ar");
        var page = fields.Text!;
        var outcome = await importer.ImportAsync(page, meta, ct);
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
