using System.Security.Cryptography;
using GraphQL;
using Microsoft.Extensions.Options;
using Microsoft.IO;
using Microsoft.Net.Http.Headers;

namespace NewsMeta.Api.GraphQL.Http;

/// <summary>
/// /graphql over HTTP, written to the GraphQL-over-HTTP spec: POST with application/json (one request
/// or a bounded batch), GET for queries only, responses in application/graphql-response+json (or
/// application/json when that is all the client accepts) with the spec's status codes.
/// </summary>
public static class GraphQLEndpoint
{
    public static async Task HandlePostAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        if (GraphQLMediaTypes.Negotiate(http.Request) is not { } mediaType)
        {
            await WriteNotAcceptableAsync(http, serializer);
            return;
        }

        if (!GraphQLMediaTypes.IsJsonBody(http.Request))
        {
            await WriteAsync(http, serializer, mediaType, OperationOutcome.Error(StatusCodes.Status415UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
                "POST /graphql takes a body of Content-Type application/json."));
            return;
        }

        var runner = services.GetRequiredService<OperationRunner>();
        var strict = mediaType == GraphQLMediaTypes.GraphQLResponse;
        try
        {
            var (requests, isBatch) = await GraphQLRequestReader.ReadPostAsync(http.Request, serializer, services.GetRequiredService<IOptions<GraphQLOptions>>().Value.MaxBatchSize);
            if (!isBatch)
            {
                var outcome = await runner.RunAsync(http, requests[0], isGet: false, strict);
                // A POSTed query may be stored (CacheablePostQueries); anything else never is, whatever the screen let through.
                if (!IsStorable(outcome))
                {
                    RefuseStorage(http);
                }

                await WriteAsync(http, serializer, mediaType, outcome);
                return;
            }

            RefuseStorage(http);
            // A batch answers 200 with one result per operation, in order; each carries its own errors.
            var results = new List<ExecutionResult>(requests.Count);
            foreach (var request in requests)
            {
                results.Add((await runner.RunAsync(http, request, isGet: false, strict)).Result);
            }

            await WriteBodyAsync(http, serializer, mediaType, StatusCodes.Status200OK, results, cacheable: false);
        }
        catch (BadGraphQLRequestException ex)
        {
            RefuseStorage(http);
            await WriteAsync(http, serializer, mediaType, OperationOutcome.Error(ex.Status, "BAD_REQUEST", ex.Message));
        }
    }

    private static bool IsStorable(OperationOutcome outcome) =>
        outcome.IsQuery && outcome.Status == StatusCodes.Status200OK && outcome.Result.Errors is not { Count: > 0 };

    private static void RefuseStorage(HttpContext http)
    {
        if (http.Features.Get<Microsoft.AspNetCore.OutputCaching.IOutputCacheFeature>() is { } outputCache)
        {
            outputCache.Context.AllowCacheStorage = false;
        }
    }

    public static async Task HandleGetAsync(HttpContext http)
    {
        var services = http.RequestServices;
        var serializer = services.GetRequiredService<IGraphQLTextSerializer>();
        if (GraphQLMediaTypes.Negotiate(http.Request) is not { } mediaType)
        {
            await WriteNotAcceptableAsync(http, serializer);
            return;
        }

        OperationOutcome outcome;
        try
        {
            var request = GraphQLRequestReader.ReadGet(http.Request, serializer);
            outcome = await services.GetRequiredService<OperationRunner>().RunAsync(http, request, isGet: true, mediaType == GraphQLMediaTypes.GraphQLResponse);
        }
        catch (BadGraphQLRequestException ex)
        {
            outcome = OperationOutcome.Error(ex.Status, "BAD_REQUEST", ex.Message);
        }

        // An answer with errors is never stored: some depend on state the data generation does not cover
        // (PERSISTED_QUERY_NOT_FOUND stops being true once the query is registered, without any data write).
        if (outcome.Result.Errors is { Count: > 0 })
        {
            RefuseStorage(http);
        }

        await WriteAsync(http, serializer, mediaType, outcome, cacheable: true);
    }

    private static Task WriteAsync(HttpContext http, IGraphQLTextSerializer serializer, string mediaType, OperationOutcome outcome, bool cacheable = false) =>
        WriteBodyAsync(http, serializer, mediaType, outcome.Status, outcome.Result,
            cacheable && outcome.IsQuery && outcome.Status == StatusCodes.Status200OK && outcome.Result.Errors is not { Count: > 0 });

    private static Task WriteNotAcceptableAsync(HttpContext http, IGraphQLTextSerializer serializer) =>
        WriteBodyAsync(http, serializer, GraphQLMediaTypes.Json, StatusCodes.Status406NotAcceptable,
            OperationOutcome.Error(StatusCodes.Status406NotAcceptable, "NOT_ACCEPTABLE",
                $"Accept must allow {GraphQLMediaTypes.GraphQLResponse} or {GraphQLMediaTypes.Json}.").Result, cacheable: false);

    /// <summary>
    /// Serialises the body once, so successful GET queries get a strong ETag and answer If-None-Match
    /// with 304: any HTTP cache can keep them and revalidate cheaply. The body is buffered in pooled
    /// blocks: a nested page is 50-100 KB, and a growing MemoryStream put each answer's last buffers on
    /// the large object heap, where they set off a full collection every few dozen requests.
    /// </summary>
    private static async Task WriteBodyAsync(HttpContext http, IGraphQLTextSerializer serializer, string mediaType, int status, object body, bool cacheable)
    {
        await using var buffer = http.RequestServices.GetRequiredService<RecyclableMemoryStreamManager>().GetStream(nameof(GraphQLEndpoint));
        await serializer.WriteAsync(buffer, body, http.RequestAborted);
        var response = http.Response;
        response.Headers.Vary = "Accept, X-Api-Key";
        if (cacheable)
        {
            var maxAge = http.RequestServices.GetRequiredService<IOptions<GraphQLOptions>>().Value.GetMaxAgeSeconds;
            var etag = $"\"{Convert.ToHexStringLower(Sha256Of(buffer.GetReadOnlySequence()))[..32]}\"";
            response.Headers.ETag = etag;
            response.Headers.CacheControl = maxAge > 0 ? $"public, max-age={maxAge}" : "public, no-cache";
            if (http.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == etag || t.Trim() == "*")))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }
        else
        {
            response.Headers.CacheControl = "no-store";
        }

        response.StatusCode = status;
        response.ContentType = $"{mediaType}; charset=utf-8";
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, http.RequestAborted);
    }

    private static byte[] Sha256Of(System.Buffers.ReadOnlySequence<byte> bytes)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var segment in bytes)
        {
            hash.AppendData(segment.Span);
        }

        return hash.GetHashAndReset();
    }
}
