using Microsoft.AspNetCore.Http.HttpResults;

namespace NewsMeta.Api.Common.Http;

/// <summary>The RFC 9457 responses every feature uses, so titles and shapes stay the same everywhere.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: what);

    public static ValidationProblem Invalid(Dictionary<string, string[]> errors, string? detail = null) =>
        TypedResults.ValidationProblem(errors, detail: detail ?? "One or more fields are invalid.", title: "Invalid request");

    public static ValidationProblem Invalid(QueryErrors errors) => Invalid(errors.ToDictionary());

    public static ProblemHttpResult PreconditionFailed(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status412PreconditionFailed, title: "Precondition failed", detail: detail);
}
