using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Auth;
using NewsMeta.Api.Common.Http;
using NewsMeta.Api.Common.Json;
using NewsMeta.Api.Common.OpenApi;

namespace NewsMeta.Api.Features.Ingestion;

/// <summary>Bulk NDJSON import and export under /api/v1/articles.</summary>
public static class IngestionEndpoints
{
    public const string NdjsonContentType = "application/x-ndjson";

    /// <summary>Bulk imports stream, so they may be far larger than an ordinary request body.</summary>
    public const long MaxImportBytes = 4L * 1024 * 1024 * 1024;

    public static RouteGroupBuilder MapIngestion(this RouteGroupBuilder articles)
    {
        articles.MapPost("/import", Import).WithName("importArticles")
            .WithSummary("Bulk import articles (NDJSON)")
            .WithDescription("Body: application/x-ndjson, one article per line in the interchange format. Idempotent by externalId (an identical line changes nothing). Each bad line is reported with its number and reasons; the other lines are still imported. Links to articles not yet stored are kept and resolve when their target arrives. Needs the write scope.")
            .Accepts<ArticleRecord>(NdjsonContentType)
            .RequireAuthorization(Scopes.WritePolicy)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(MaxImportBytes))
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithExamples(IngestionExamples.Import);
        // A full export can be huge and is read once: never cached.
        articles.MapGet("/export", Export).WithName("exportArticles").CacheOutput(b => b.NoCache())
            .WithSummary("Bulk export articles (NDJSON)")
            .WithDescription("Streams every article changed at or after updatedSince (all when absent), oldest change first, as application/x-ndjson in the interchange format; re-importing it reproduces the store.")
            .Produces<ArticleRecord>(StatusCodes.Status200OK, NdjsonContentType)
            .ProducesValidationProblem()
            .WithExamples(IngestionExamples.Export);
        return articles;
    }

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> Import(HttpRequest request, NdjsonImporter importer, CancellationToken ct)
    {
        var type = request.ContentType ?? "";
        if (!type.StartsWith(NdjsonContentType, StringComparison.OrdinalIgnoreCase)
            && !type.StartsWith("application/jsonl", StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: $"Send the articles as {NdjsonContentType}, one JSON object per line.");
        }

        return TypedResults.Ok(await importer.ImportAsync(request.Body, null, ct));
    }

    /// <param name="updatedSince">Only articles changed at or after this instant (RFC 3339).</param>
    /// <param name="exporter"></param>
    /// <param name="context"></param>
    /// <param name="ct"></param>
    private static async Task<Results<EmptyHttpResult, ValidationProblem>> Export(string? updatedSince, ArticleExporter exporter, HttpContext context, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var since = errors.Instant("updatedSince", updatedSince);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        context.Response.ContentType = NdjsonContentType + "; charset=utf-8";
        await NdjsonWriter.WriteAsync(context.Response.Body, exporter.ExportAsync(since, ct), ct);
        return TypedResults.Empty;
    }
}

/// <summary>Writes records one JSON object per line.</summary>
public static class NdjsonWriter
{
    public static async Task WriteAsync(Stream output, IAsyncEnumerable<ArticleRecord> records, CancellationToken ct)
    {
        var newline = "\n"u8.ToArray();
        var count = 0;
        await foreach (var record in records.WithCancellation(ct))
        {
            await JsonSerializer.SerializeAsync(output, record, NewsJson.Options, ct);
            await output.WriteAsync(newline, ct);
            if (++count % 200 == 0)
            {
                await output.FlushAsync(ct);
            }
        }

        await output.FlushAsync(ct);
    }
}
