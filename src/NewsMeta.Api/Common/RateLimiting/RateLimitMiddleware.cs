using Microsoft.AspNetCore.Mvc;

namespace NewsMeta.Api.Common.RateLimiting;

/// <summary>
/// Charges every API request (REST under /api, GraphQL at /graphql) one token before it runs; an empty
/// bucket is a 429 with Retry-After (a problem document; for /graphql a GraphQL error with code
/// RATE_LIMITED). Health probes, Swagger UI, the GraphQL IDE and the schema
/// file are not charged. Runs after authentication, so a key is charged to its own bucket.
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, RequestBudget budget, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!budget.Enabled || !IsCharged(http.Request.Path) || WarmUp.WarmUpRequest.IsWarmUp(http))
        {
            await next(http);
            return;
        }

        var decision = await budget.ChargeAsync(http, 1);
        if (decision.Allowed)
        {
            await next(http);
            return;
        }

        await WriteTooManyAsync(http, problems, decision);
    }

    private static async Task WriteTooManyAsync(HttpContext http, IProblemDetailsService problems, RateDecision decision)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var detail = $"This caller may make {decision.Limit} requests a minute (GraphQL operations count by their cost). Retry after {http.Response.Headers.RetryAfter} s.";
        if (IsGraphQL(http.Request.Path))
        {
            // GraphQL clients read errors[].extensions.code, not problem documents.
            http.Response.ContentType = "application/graphql-response+json; charset=utf-8";
            await http.Response.WriteAsJsonAsync(
                new { errors = new[] { new { message = detail, extensions = new { code = GraphQL.QueryCost.RateLimitedCode } } } },
                http.RequestAborted);
            return;
        }

        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = detail },
        });
    }

    private static bool IsGraphQL(PathString path) => path.Equals("/graphql") || path.Equals("/graphql/");

    private static bool IsCharged(PathString path) =>
        path.StartsWithSegments("/api") || IsGraphQL(path);
}
