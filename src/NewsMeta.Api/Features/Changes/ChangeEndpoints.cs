using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Auth;
using NewsMeta.Api.Common.Http;
using NewsMeta.Api.Common.OpenApi;
using NewsMeta.Api.Common.Paging;

namespace NewsMeta.Api.Features.Changes;

/// <summary>GET /api/v1/changes: the feed a partner polls to mirror the store, deletions included.</summary>
public static class ChangeEndpoints
{
    public static IEndpointRouteBuilder MapChanges(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/changes", ListChanges).WithTags("Changes").WithName("listChanges")
            .WithSummary("Poll the changes since a token")
            .WithDescription("Articles created, updated and deleted, in the order the store changed them. Created and updated items carry the whole article; deleted ones carry id, externalId and the time (tombstones are kept for Changes:TombstoneDays, default 30; an older token is 410, re-sync from the export then). Start without since; poll again with nextSince. Applying every page in order (upsert, or delete) mirrors the store exactly.")
            .RequireAuthorization(Scopes.ReadPolicy)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status410Gone)
            .WithExamples(ChangeExamples.List);
        return app;
    }

    /// <param name="since">nextSince of the previous poll; leave out to start from the beginning.</param>
    /// <param name="limit">Items per page, 1–100 (default 100).</param>
    /// <param name="feed"></param>
    /// <param name="ct"></param>
    private static async Task<Results<Ok<ChangePage>, ValidationProblem, ProblemHttpResult>> ListChanges(
        [FromQuery] string? since, [FromQuery] string? limit, ChangeFeed feed, CancellationToken ct)
    {
        var errors = new QueryErrors();
        var size = string.IsNullOrEmpty(limit) ? PageLimits.Max : PageLimits.Parse(limit, errors);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        try
        {
            var page = await feed.PageAsync(since, size, errors, ct);
            return page is null ? Problems.Invalid(errors) : TypedResults.Ok(page);
        }
        catch (TokenExpiredException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Token expired", detail: ex.Message + " Re-sync from GET /api/v1/articles/export, then poll from a new token.");
        }
    }
}
