using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Caching;
using NewsMeta.Api.Common.Http;
using NewsMeta.Api.Common.OpenApi;
using NewsMeta.Api.Common.Paging;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Articles.Formats;

namespace NewsMeta.Api.Features.Sources;

/// <summary>A publisher or agency with the number of articles it published.</summary>
public sealed class SourceDto
{
    /// <example>3</example>
    public int Id { get; init; }

    /// <example>صحيفة الشروق اليومية</example>
    public required string Name { get; init; }

    /// <example>newspaper</example>
    public SourceKind Kind { get; init; }

    /// <summary>Articles it published (credits are not counted).</summary>
    /// <example>16</example>
    public int ArticleCount { get; init; }
}

/// <summary>Read side of sources.</summary>
public sealed class SourceQueries(NewsDbContext db, TypeAdapterConfig mapping)
{
    public Task<Page<SourceDto>?> ListAsync(int limit, string? cursor, QueryErrors errors, CancellationToken ct) =>
        CountOrderedPaging.PageAsync<Source, SourceDto>(db.Sources.AsNoTracking(), "s", limit, cursor, errors, mapping, s => (s.ArticleCount, s.Id), ct);

    public Task<SourceDto?> GetAsync(int id, CancellationToken ct) =>
        db.Sources.AsNoTracking().Where(s => s.Id == id).ProjectToType<SourceDto>(mapping).FirstOrDefaultAsync(ct);

    public Task<bool> ExistsAsync(int id, CancellationToken ct) => db.Sources.AnyAsync(s => s.Id == id, ct);
}

/// <summary>GET endpoints of /api/v1/sources.</summary>
public static class SourceEndpoints
{
    public static RouteGroupBuilder MapSources(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sources").WithTags("Sources").CacheOutput(ResponseCache.Policy);
        group.MapGet("/", ListSources).WithName("listSources")
            .WithSummary("List sources")
            .WithDescription("Publishers and agencies, those with most articles first.")
            .ProducesValidationProblem()
            .WithExamples(SourceExamples.List);
        group.MapGet("/{id:int}", GetSource).WithName("getSource")
            .WithSummary("Get a source")
            .WithDescription("The source and its article count. Sends an ETag; If-None-Match gives 304.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(SourceExamples.Get);
        group.MapGet("/{id:int}/credited-articles", ListCreditedArticles).WithName("listSourceCreditedArticles")
            .WithSummary("List the articles that credit a source")
            .WithDescription("Article summaries by other publishers that credit this source (typically an agency) as where the story came from, newest first; takes the same filters and paging as GET /articles, and its formats (Accept: application/ld+json or application/vnd.iptc.ninjs+json).")
            .Produces<Page<ArticleSummaryDto>>(StatusCodes.Status200OK, "application/json", ArticleMediaTypes.JsonLd, ArticleMediaTypes.Ninjs)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(SourceExamples.CreditedArticles);
        group.MapGet("/{id:int}/articles", ListSourceArticles).WithName("listSourceArticles")
            .WithSummary("List the articles a source published")
            .WithDescription("Article summaries published by the source, newest first; takes the same filters and paging as GET /articles, and its formats (Accept: application/ld+json or application/vnd.iptc.ninjs+json).")
            .Produces<Page<ArticleSummaryDto>>(StatusCodes.Status200OK, "application/json", ArticleMediaTypes.JsonLd, ArticleMediaTypes.Ninjs)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(SourceExamples.Articles);
        return group;
    }

    /// <param name="limit">Page size, 1–100 (default 20).</param>
    /// <param name="cursor">nextCursor of the previous page.</param>
    /// <param name="queries"></param>
    /// <param name="context"></param>
    /// <param name="ct"></param>
    private static Task<Results<Ok<Page<SourceDto>>, ValidationProblem, ProblemHttpResult>> ListSources(
        [FromQuery] string? limit, [FromQuery] string? cursor, SourceQueries queries, HttpContext context, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var size = PageLimits.Parse(limit, errors);
        return PagedResults.RespondAsync(errors, () => queries.ListAsync(size, cursor, errors, ct), context);
    }

    private static async Task<Results<ETaggedJson<SourceDto>, ProblemHttpResult>> GetSource(int id, SourceQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } source
            ? new ETaggedJson<SourceDto>(source)
            : Problems.NotFound($"No source has id {id}.");

    private static async Task<Results<Ok<Page<ArticleSummaryDto>>, ContentHttpResult, Utf8ContentHttpResult, ValidationProblem, ProblemHttpResult>> ListCreditedArticles(
        int id, [AsParameters] ArticleListParameters parameters, SourceQueries sources, ArticleQueries articles, HttpContext context, CancellationToken ct) =>
        await sources.ExistsAsync(id, ct)
            ? await ArticleLists.RespondAsync(parameters, f => f with { CreditIds = [id] }, articles, context, ct)
            : Problems.NotFound($"No source has id {id}.");

    private static async Task<Results<Ok<Page<ArticleSummaryDto>>, ContentHttpResult, Utf8ContentHttpResult, ValidationProblem, ProblemHttpResult>> ListSourceArticles(
        int id, [AsParameters] ArticleListParameters parameters, SourceQueries sources, ArticleQueries articles, HttpContext context, CancellationToken ct) =>
        await sources.ExistsAsync(id, ct)
            ? await ArticleLists.RespondAsync(parameters, f => f with { SourceIds = [id] }, articles, context, ct)
            : Problems.NotFound($"No source has id {id}.");
}
