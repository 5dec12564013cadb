using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Auth;
using NewsMeta.Api.Common.Http;
using NewsMeta.Api.Features.Articles;

namespace NewsMeta.Api.Features.Ingestion;

/// <summary>The articles a page import wrote.</summary>
public sealed class PageImportResultDto
{
    public required ArticleDto Article { get; init; }

    /// <summary>The read-also article the page embedded, when it was new.</summary>
    public ArticleDto? ReadAlso { get; init; }
}

/// <summary>POST /api/v1/articles/import-page.</summary>
public static class PageImportEndpoints
{
    private const int MaxPageBytes = 1 << 20;

    public static RouteGroupBuilder MapPageImport(this RouteGroupBuilder articles)
    {
        articles.MapPost("/import-page", ImportPage).WithName("importPage")
            .WithSummary("Import a scraped news page (text)")
            .WithDescription("Body: text/plain, a news page laid out like shared/samples/news-page.txt (body paragraphs; 'أخبار ذات صلة … المصدر: agency'; 'المصدر: publisher'; 'كلمات دلالية: …'; 'إقرأ أيضاً:' with a second article; 'مقالات مشابهة' bullets). The query gives what the page text lacks. Creates or updates the main article (publisher, credited agency, keywords, readAlso/related/similar links resolved to stored articles by normalised title) and the read-also article. Run-together keywords and titles are split using known entities, keywords and the page's own text; what cannot be split stays whole. 422 names the part a page lacks. Needs the write scope.")
            .Accepts<string>("text/plain")
            .RequireAuthorization(Scopes.WritePolicy)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return articles;
    }

    /// <param name="externalId">The main article's id at the publisher (the idempotency key).</param>
    /// <param name="title">The main article's title (the page text does not carry it).</param>
    /// <param name="publishedAt">When it was published (RFC 3339).</param>
    /// <param name="url">Its canonical URL, if known.</param>
    /// <param name="language">Language tag (default ar).</param>
    /// <param name="request"></param>
    /// <param name="importer"></param>
    /// <param name="queries"></param>
    /// <param name="ct"></param>
    private static async Task<Results<Created<PageImportResultDto>, Ok<PageImportResultDto>, ValidationProblem, ProblemHttpResult>> ImportPage(
        [FromQuery] string? externalId, [FromQuery] string? title, [FromQuery] string? publishedAt, [FromQuery] string? url, [FromQuery] string? language,
        HttpRequest request, PageImporter importer, ArticleQueries queries, CancellationToken ct)
    {
        if (!(request.ContentType ?? "").StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type", detail: "Send the page as text/plain (UTF-8).");
        }

        var errors = new QueryErrors();
        if (string.IsNullOrWhiteSpace(externalId))
        {
            errors.Add("externalId", "is required");
        }

        if (string.IsNullOrWhiteSpace(title))
        {
            errors.Add("title", "is required");
        }

        var published = errors.Instant("publishedAt", publishedAt);
        if (published is null && !errors.Any)
        {
            errors.Add("publishedAt", "is required");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        if (await BoundedText.ReadAsync(request, MaxPageBytes, ct) is not { } page)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large", detail: $"A page is at most {MaxPageBytes} characters.");
        }

        var outcome = await importer.ImportAsync(page, new PageMetadata(externalId!, title!, published!.Value, url, string.IsNullOrWhiteSpace(language) ? "ar" : language), ct);
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
}
