using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Caching;
using NewsMeta.Api.Common.Http;
using NewsMeta.Api.Common.OpenApi;
using NewsMeta.Api.Common.Paging;

namespace NewsMeta.Api.Features.Articles;

/// <summary>GET endpoints of /api/v1/articles.</summary>
public static class ArticleEndpoints
{
    public static RouteGroupBuilder MapArticles(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/articles").WithTags("Articles").CacheOutput(ResponseCache.Policy);
        group.MapGet("/", ListArticles).WithName("listArticles")
            .WithSummary("List articles")
            .WithDescription("Article summaries (no body, entities or links), newest first by default. Filters combine with AND; entity and keyword ids must all match; source ids match any. Cursor-paginated: pass nextCursor as cursor (also in the Link header). Accept: application/ld+json gives a schema.org ItemList of NewsArticle; application/vnd.iptc.ninjs+json gives {items: [ninjs 2.1], nextCursor}.")
            .Produces<Page<ArticleSummaryDto>>(StatusCodes.Status200OK, "application/json", Formats.ArticleMediaTypes.JsonLd, Formats.ArticleMediaTypes.Ninjs)
            .ProducesValidationProblem()
            .WithExamples(ArticleExamples.List);
        group.MapGet("/{id:int}", GetArticle).WithName("getArticle")
            .WithSummary("Get an article by id")
            .WithDescription("The full article with body, source, credits, keywords, entities and links. Sends an ETag; If-None-Match gives 304. Accept: application/ld+json gives schema.org NewsArticle (JSON-LD); application/vnd.iptc.ninjs+json gives IPTC ninjs 2.1.")
            .Produces<ArticleDto>(StatusCodes.Status200OK, "application/json", Formats.ArticleMediaTypes.JsonLd, Formats.ArticleMediaTypes.Ninjs)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(ArticleExamples.Get);
        group.MapGet("/by-external-id/{externalId}", GetArticleByExternalId).WithName("getArticleByExternalId")
            .WithSummary("Get an article by the publisher's externalId")
            .WithDescription("The same representation as GET /articles/{id}, looked up by externalId.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(ArticleExamples.GetByExternalId);
        group.MapGet("/{id:int}/links", GetArticleLinks).WithName("listArticleLinks")
            .WithSummary("List an article's outgoing links")
            .WithDescription("related, readAlso and similar links in the publisher's order; targetId is set when the target article is stored. kind filters to one kind.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithExamples(ArticleExamples.Links);
        return group;
    }

    private static Task<Results<Ok<Page<ArticleSummaryDto>>, ContentHttpResult, Utf8ContentHttpResult, ValidationProblem, ProblemHttpResult>> ListArticles(
        [AsParameters] ArticleListParameters parameters, ArticleQueries queries, HttpContext context, CancellationToken ct) =>
        ArticleLists.RespondAsync(parameters, f => f, queries, context, ct);

    private static async Task<Results<ETaggedJson<ArticleDto>, ProblemHttpResult>> GetArticle(int id, ArticleQueries queries, ReadModel.StoredArticles stored, HttpRequest request, CancellationToken ct) =>
        await OneAsync(articles => articles.Where(a => a.Id == id), () => stored.ByIdAsync(id, ct), queries, request, ct) is { } article
            ? article
            : Problems.NotFound($"No article has id {id}.");

    private static async Task<Results<ETaggedJson<ArticleDto>, ProblemHttpResult>> GetArticleByExternalId(string externalId, ArticleQueries queries, ReadModel.StoredArticles stored, HttpRequest request, CancellationToken ct) =>
        await OneAsync(articles => articles.Where(a => a.ExternalId == externalId), () => stored.ByExternalIdAsync(externalId, ct), queries, request, ct) is { } article
            ? article
            : Problems.NotFound($"No article has externalId '{externalId}'.");

    /// <summary>JSON from the stored read model; JSON-LD and ninjs computed from the article.</summary>
    private static async Task<ETaggedJson<ArticleDto>?> OneAsync(Func<IQueryable<Article>, IQueryable<Article>> match, Func<Task<ETaggedJson<ArticleDto>?>> fromStore, ArticleQueries queries, HttpRequest request, CancellationToken ct)
    {
        if (Formats.ArticleMediaTypes.Negotiate(request) == Formats.ArticleFormat.Json)
        {
            return await fromStore();
        }

        var id = await match(queries.Readable()).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        return id is { } found && await queries.GetAsync(found, ct) is { } article ? Formats.ArticleRepresentations.OneArticle(article, request) : null;
    }

    /// <param name="id">Article id.</param>
    /// <param name="kind">related, readAlso or similar; all kinds when absent.</param>
    /// <param name="queries"></param>
    /// <param name="ct"></param>
    private static async Task<Results<Ok<List<ArticleLinkDto>>, ValidationProblem, ProblemHttpResult>> GetArticleLinks(
        int id, [FromQuery] string? kind, ArticleQueries queries, CancellationToken ct)
    {
        LinkKind? parsed = null;
        if (kind is not null)
        {
            if (!EnumNames.TryParse<LinkKind>(kind, out var value))
            {
                return Problems.Invalid(new Dictionary<string, string[]> { ["kind"] = [$"must be one of {EnumNames.List<LinkKind>()}"] });
            }

            parsed = value;
        }

        return await queries.LinksAsync(id, parsed, ct) is { } links
            ? TypedResults.Ok(links)
            : Problems.NotFound($"No article has id {id}.");
    }
}
