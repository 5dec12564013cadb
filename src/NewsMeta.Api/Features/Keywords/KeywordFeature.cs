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
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Keywords;

/// <summary>A keyword with the number of articles tagged with it.</summary>
public sealed class KeywordDto
{
    /// <example>5</example>
    public int Id { get; init; }

    /// <example>موازنة 2026</example>
    public required string Name { get; init; }

    /// <example>7</example>
    public int ArticleCount { get; init; }

    /// <summary>Who tagged the article with it, when reached through an article; null in the catalogue.</summary>
    public Origin? Origin { get; init; }
}

/// <summary>Read side of keywords.</summary>
public sealed class KeywordQueries(NewsDbContext db, TypeAdapterConfig mapping)
{
    public Task<Page<KeywordDto>?> ListAsync(string? search, int limit, string? cursor, QueryErrors errors, CancellationToken ct) =>
        CountOrderedPaging.PageAsync<Keyword, KeywordDto>(Matching(search), "k", limit, cursor, errors, mapping, k => (k.ArticleCount, k.Id), ct);

    /// <summary>Keywords whose normalised form starts with <paramref name="search"/> (all when null).</summary>
    public IQueryable<Keyword> Matching(string? search)
    {
        var query = db.Keywords.AsNoTracking();
        if (search is not null)
        {
            var prefix = ArabicNormalizer.Normalize(search);
            query = query.Where(k => k.NormalizedName.StartsWith(prefix));
        }

        return query;
    }

    public Task<KeywordDto?> GetAsync(int id, CancellationToken ct) =>
        db.Keywords.AsNoTracking().Where(k => k.Id == id).ProjectToType<KeywordDto>(mapping).FirstOrDefaultAsync(ct);

    public Task<bool> ExistsAsync(int id, CancellationToken ct) => db.Keywords.AnyAsync(k => k.Id == id, ct);
}

/// <summary>GET endpoints of /api/v1/keywords.</summary>
public static class KeywordEndpoints
{
    public static RouteGroupBuilder MapKeywords(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/keywords").WithTags("Keywords").CacheOutput(ResponseCache.Policy);
        group.MapGet("/", ListKeywords).WithName("listKeywords")
            .WithSummary("List keywords")
            .WithDescription("Keywords, most-used first. q matches the start of the normalised keyword.")
            .ProducesValidationProblem()
            .WithExamples(KeywordExamples.List);
        group.MapGet("/{id:int}", GetKeyword).WithName("getKeyword")
            .WithSummary("Get a keyword")
            .WithDescription("The keyword and its article count. Sends an ETag; If-None-Match gives 304.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(KeywordExamples.Get);
        group.MapGet("/{id:int}/articles", ListKeywordArticles).WithName("listKeywordArticles")
            .WithSummary("List the articles tagged with a keyword")
            .WithDescription("Article summaries tagged with the keyword, newest first; takes the same filters and paging as GET /articles, and its formats (Accept: application/ld+json or application/vnd.iptc.ninjs+json).")
            .Produces<Page<ArticleSummaryDto>>(StatusCodes.Status200OK, "application/json", ArticleMediaTypes.JsonLd, ArticleMediaTypes.Ninjs)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(KeywordExamples.Articles);
        return group;
    }

    /// <param name="q">Prefix of the keyword.</param>
    /// <param name="limit">Page size, 1–100 (default 20).</param>
    /// <param name="cursor">nextCursor of the previous page.</param>
    /// <param name="queries"></param>
    /// <param name="context"></param>
    /// <param name="ct"></param>
    private static async Task<Results<Ok<Page<KeywordDto>>, ValidationProblem, ProblemHttpResult>> ListKeywords(
        [FromQuery] string? q, [FromQuery] string? limit, [FromQuery] string? cursor, KeywordQueries queries, HttpContext context, CancellationToken ct)
    {
        var errors = new QueryErrors();
        if (q is not null && ArabicNormalizer.Normalize(q).Length == 0)
        {
            errors.Add("q", "must contain at least one letter or digit");
        }

        var size = PageLimits.Parse(limit, errors);
        return await PagedResults.RespondAsync(errors, () => queries.ListAsync(q, size, cursor, errors, ct), context);
    }

    private static async Task<Results<ETaggedJson<KeywordDto>, ProblemHttpResult>> GetKeyword(int id, KeywordQueries queries, CancellationToken ct) =>
        await queries.GetAsync(id, ct) is { } keyword
            ? new ETaggedJson<KeywordDto>(keyword)
            : Problems.NotFound($"No keyword has id {id}.");

    private static async Task<Results<Ok<Page<ArticleSummaryDto>>, ContentHttpResult, Utf8ContentHttpResult, ValidationProblem, ProblemHttpResult>> ListKeywordArticles(
        int id, [AsParameters] ArticleListParameters parameters, KeywordQueries keywords, ArticleQueries articles, HttpContext context, CancellationToken ct) =>
        await keywords.ExistsAsync(id, ct)
            ? await ArticleLists.RespondAsync(parameters, f => f with { KeywordIds = [.. f.KeywordIds, id] }, articles, context, ct)
            : Problems.NotFound($"No keyword has id {id}.");
}
