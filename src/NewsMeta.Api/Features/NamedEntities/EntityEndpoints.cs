using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Caching;
using NewsMeta.Api.Common.Http;
using NewsMeta.Api.Common.OpenApi;
using NewsMeta.Api.Common.Paging;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Articles.Formats;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.NamedEntities;

/// <summary>GET endpoints of /api/v1/entities.</summary>
public static class EntityEndpoints
{
    public static RouteGroupBuilder MapEntities(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/entities").WithTags("Entities").CacheOutput(ResponseCache.Policy);
        group.MapGet("/", ListEntities).WithName("listEntities")
            .WithSummary("List entities")
            .WithDescription("People, organisations, places and events, most-mentioned first. type filters by type, status by confirmed or discovered; q matches the start of the normalised name or of any alias (hamza, taa marbuta and case do not matter).")
            .ProducesValidationProblem()
            .WithExamples(EntityExamples.List);
        group.MapGet("/{id:int}", GetEntity).WithName("getEntity")
            .WithSummary("Get an entity")
            .WithDescription("The entity with its aliases and article count. Sends an ETag; If-None-Match gives 304.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(EntityExamples.Get);
        group.MapGet("/{id:int}/articles", ListEntityArticles).WithName("listEntityArticles")
            .WithSummary("List the articles mentioning an entity")
            .WithDescription("Article summaries mentioning the entity, newest first; takes the same filters and paging as GET /articles, and its formats (Accept: application/ld+json or application/vnd.iptc.ninjs+json).")
            .Produces<Page<ArticleSummaryDto>>(StatusCodes.Status200OK, "application/json", ArticleMediaTypes.JsonLd, ArticleMediaTypes.Ninjs)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(EntityExamples.Articles);
        group.MapGet("/{id:int}/related-entities", ListRelatedEntities).WithName("listRelatedEntities")
            .WithSummary("List entities mentioned together with an entity")
            .WithDescription("Entities mentioned in the same articles, with the number of shared articles, most shared first.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(EntityExamples.Related);
        return group;
    }

    /// <param name="type">person, organization, location, event or other.</param>
    /// <param name="q">Prefix of the name or of an alias.</param>
    /// <param name="status">confirmed or discovered.</param>
    /// <param name="limit">Page size, 1–100 (default 20).</param>
    /// <param name="cursor">nextCursor of the previous page.</param>
    /// <param name="queries"></param>
    /// <param name="context"></param>
    /// <param name="ct"></param>
    private static async Task<Results<Ok<Page<EntitySummaryDto>>, ValidationProblem, ProblemHttpResult>> ListEntities(
        [FromQuery] string? type, [FromQuery] string? q, [FromQuery] string? status, [FromQuery] string? limit, [FromQuery] string? cursor,
        EntityQueries queries, HttpContext context, CancellationToken ct)
    {
        var errors = new QueryErrors();
        EntityType? parsedType = null;
        if (type is not null)
        {
            if (EnumNames.TryParse<EntityType>(type, out var t))
            {
                parsedType = t;
            }
            else
            {
                errors.Add("type", $"must be one of {EnumNames.List<EntityType>()}");
            }
        }

        EntityStatus? parsedStatus = null;
        if (status is not null)
        {
            if (EnumNames.TryParse<EntityStatus>(status, out var s))
            {
                parsedStatus = s;
            }
            else
            {
                errors.Add("status", $"must be one of {EnumNames.List<EntityStatus>()}");
            }
        }

        if (q is not null && ArabicNormalizer.Normalize(q).Length == 0)
        {
            errors.Add("q", "must contain at least one letter or digit");
        }

        var size = PageLimits.Parse(limit, errors);
        return await PagedResults.RespondAsync(errors, () => queries.ListAsync(parsedType, q, size, cursor, errors, ct, parsedStatus), context);
    }

    private static async Task<Results<ETaggedJson<EntityDto>, ProblemHttpResult>> GetEntity(int id, EntityQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } entity
            ? new ETaggedJson<EntityDto>(entity)
            : Problems.NotFound($"No entity has id {id}.");

    private static async Task<Results<Ok<Page<ArticleSummaryDto>>, ContentHttpResult, Utf8ContentHttpResult, ValidationProblem, ProblemHttpResult>> ListEntityArticles(
        int id, [AsParameters] ArticleListParameters parameters, EntityQueries entities, ArticleQueries articles, HttpContext context, CancellationToken ct)
    {
        if (!await entities.ExistsAsync(id, ct))
        {
            return Problems.NotFound($"No entity has id {id}.");
        }

        return await ArticleLists.RespondAsync(parameters, f => f with { EntityIds = [.. f.EntityIds, id] }, articles, context, ct);
    }

    /// <param name="id">Entity id.</param>
    /// <param name="limit">Page size, 1–100 (default 20).</param>
    /// <param name="cursor">nextCursor of the previous page.</param>
    /// <param name="queries"></param>
    /// <param name="context"></param>
    /// <param name="ct"></param>
    private static async Task<Results<Ok<Page<RelatedEntityDto>>, ValidationProblem, ProblemHttpResult>> ListRelatedEntities(
        int id, [FromQuery] string? limit, [FromQuery] string? cursor, EntityQueries queries, HttpContext context, CancellationToken ct)
    {
        if (!await queries.ExistsAsync(id, ct))
        {
            return Problems.NotFound($"No entity has id {id}.");
        }

        var errors = new QueryErrors();
        var size = PageLimits.Parse(limit, errors);
        return await PagedResults.RespondAsync(errors, () => queries.RelatedAsync(id, size, cursor, errors, ct), context);
    }
}
