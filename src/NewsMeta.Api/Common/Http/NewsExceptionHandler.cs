using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Common.Http;

/// <summary>
/// Turns the exceptions that are not bugs into the right problem response: a body over the limit or
/// unreadable (Kestrel's BadHttpRequestException) keeps its 4xx status; a database that cannot serve
/// right now is a 503 with Retry-After. Everything else stays a logged 500.
/// </summary>
public sealed class NewsExceptionHandler(IProblemDetailsService problems, ILogger<NewsExceptionHandler> log) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var http = httpContext;
        ProblemDetails problem;
        if (exception is BadHttpRequestException bad)
        {
            problem = new ProblemDetails
            {
                Status = bad.StatusCode,
                Title = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Payload too large" : "Bad request",
                Detail = bad.StatusCode == StatusCodes.Status413PayloadTooLarge ? "The request body is larger than this endpoint accepts." : "The request could not be read.",
            };
        }
        else if (DbErrors.IsUnavailable(exception))
        {
            log.LogWarning("Database unavailable: {Error}", exception.GetBaseException().Message);
            http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            problem = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = "The database is not answering right now; nothing was changed. Retry shortly.",
            };
        }
        else
        {
            return false;
        }

        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }
}
