using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Caching;
using NewsMeta.Api.Common.Http;
using NewsMeta.Api.Common.OpenApi;
using NewsMeta.Api.Common.Paging;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Articles.Formats;

namespace NewsMeta.Api.Features.Sections;

/// <summary>GET endpoints of /api/v1/sections.</summary>
public static class SectionEndpoints
{
    public static RouteGroupBuilder MapSections(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/sections").WithTags("Sections").CacheOutput(ResponseCache.Policy);
        group.MapGet("/", ListSections).WithName("listSections")
            .WithSummary("List sections")
            .WithDescription("The store's section tree as a list: parents come before their children, and each item has its parentId and path, so a client can build the tree from the pages in order.")
            .ProducesValidationProblem()
            .WithExamples(SectionExamples.List);
        group.MapGet("/{id:int}", GetSection).WithName("getSection")
            .WithSummary("Get a section")
            .WithDescription("The section, its parent and how many articles are in it or below it. Sends an ETag; If-None-Match gives 304.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(SectionExamples.Get);
        group.MapGet("/{id:int}/articles", ListSectionArticles).WithName("listSectionArticles")
            .WithSummary("List the articles of a section")
            .WithDescription("Article summaries in the section or any of its sub-sections, newest first; takes the same filters and paging as GET /articles, and its formats (Accept: application/ld+json or application/vnd.iptc.ninjs+json).")
            .Produces<Page<ArticleSummaryDto>>(StatusCodes.Status200OK, "application/json", ArticleMediaTypes.JsonLd, ArticleMediaTypes.Ninjs)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(SectionExamples.Articles);
        return group;
    }

    /// <param name="limit">Page size, 1–100 (default 20).</param>
    /// <param name="cursor">nextCursor of the previous page.</param>
    /// <param name="queries"></param>
    /// <param name="context"></param>
    /// <param name="ct"></param>
    private static async Task<Results<Ok<Page<SectionDto>>, ValidationProblem, ProblemHttpResult>> ListSections(
        [FromQuery] string? limit, [FromQuery] string? cursor, SectionQueries queries, HttpContext context, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var size = PageLimits.Parse(limit, errors);
        return await PagedResults.RespondAsync(errors, () => queries.ListAsync(size, cursor, errors, ct), context);
    }

    private static async Task<Results<ETaggedJson<SectionDto>, ProblemHttpResult>> GetSection(int id, SectionQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } section
            ? new ETaggedJson<SectionDto>(section)
            : Problems.NotFound($"No section has id {id}.");

    private static async Task<Results<Ok<Page<ArticleSummaryDto>>, ContentHttpResult, Utf8ContentHttpResult, ValidationProblem, ProblemHttpResult>> ListSectionArticles(
        int id, [AsParameters] ArticleListParameters parameters, SectionQueries sections, ArticleQueries articles, HttpContext context, CancellationToken ct) =>
        await sections.ExistsAsync(id, ct)
            ? await ArticleLists.RespondAsync(parameters, f => f with { InSectionId = id }, articles, context, ct)
            : Problems.NotFound($"No section has id {id}.");
}
