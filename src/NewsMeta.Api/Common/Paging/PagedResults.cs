using Microsoft.AspNetCore.Http.HttpResults;
using NewsMeta.Api.Common.Http;

namespace NewsMeta.Api.Common.Paging;

/// <summary>The one way a list endpoint answers: 400 with the collected field errors, or the page with its Link header.</summary>
public static class PagedResults
{
    /// <param name="errors">Errors found while parsing the query; <paramref name="load"/> may add more (e.g. a bad cursor) and return null.</param>
    /// <param name="load">Reads the page.</param>
    /// <param name="context">For the Link header.</param>
    public static async Task<Results<Ok<Page<T>>, ValidationProblem, ProblemHttpResult>> RespondAsync<T>(
        QueryErrors errors, Func<Task<Page<T>?>> load, HttpContext context)
    {
        var page = errors.Any ? null : await load();
        if (page is null)
        {
            return Problems.Invalid(errors);
        }

        LinkHeader.AddNext(context, page.NextCursor);
        return TypedResults.Ok(page);
    }
}
