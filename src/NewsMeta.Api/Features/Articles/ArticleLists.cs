using Microsoft.AspNetCore.Http.HttpResults;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Paging;

namespace NewsMeta.Api.Features.Articles;

/// <summary>The one way an endpoint answers with a page of article summaries (articles, and those of an entity, keyword or source).</summary>
public static class ArticleLists
{
    public static async Task<Results<Ok<Page<ArticleSummaryDto>>, ValidationProblem, ProblemHttpResult>> RespondAsync(
        ArticleListParameters parameters, Func<ArticleFilter, ArticleFilter> scope, ArticleQueries queries, HttpContext context, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var filter = scope(parameters.ToFilter(errors));
        var limit = PageLimits.Parse(parameters.Limit, errors);
        return await PagedResults.RespondAsync(errors, () => queries.ListAsync(filter, limit, parameters.Cursor, errors, ct), context);
    }
}
