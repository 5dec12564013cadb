using Microsoft.AspNetCore.Http.HttpResults;
using NewsMeta.Api.Common.Paging;

namespace NewsMeta.Api.Features.Articles;

/// <summary>
/// The one way an endpoint answers with a page of article summaries (articles, and those of an entity,
/// keyword or source), in the negotiated representation (JSON, JSON-LD or ninjs).
/// </summary>
public static class ArticleLists
{
    public static Task<Results<Ok<Page<ArticleSummaryDto>>, ContentHttpResult, Utf8ContentHttpResult, ValidationProblem, ProblemHttpResult>> RespondAsync(
        ArticleListParameters parameters, Func<ArticleFilter, ArticleFilter> scope, ArticleQueries queries, HttpContext context, CancellationToken ct) =>
        Formats.ArticleRepresentations.ListAsync(parameters, scope, queries, context, ct);
}
