using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace NewsMeta.Api.Common.Http;

/// <summary>
/// One request-body limit for every endpoint (<c>Limits:MaxRequestBodyBytes</c>, default 4 MB: an
/// article at its largest fits), raised by endpoints that stream (the NDJSON import declares its own
/// with [RequestSizeLimit]). A declared Content-Length over the limit is refused before anything is
/// read; a chunked body is cut off by the server's own limit, set here per request.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, Microsoft.Extensions.Options.IOptions<LimitsOptions> limits, IProblemDetailsService problems)
{
    public const long DefaultMaxBytes = 4 * 1024 * 1024;

    private readonly long _default = limits.Value.MaxRequestBodyBytes;

    public async Task InvokeAsync(HttpContext http)
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? _default;
        if (http.Request.ContentLength > limit)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status413PayloadTooLarge,
                    Title = "Payload too large",
                    Detail = $"This endpoint accepts at most {limit} bytes; send bulk data to POST /api/v1/articles/import (NDJSON, streamed).",
                },
            });
            return;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        await next(http);
    }
}
