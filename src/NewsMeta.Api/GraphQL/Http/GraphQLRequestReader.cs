using System.Text.Json;
using GraphQL;
using GraphQL.Transport;
using NewsMeta.Api.Common.Http;

namespace NewsMeta.Api.GraphQL.Http;

/// <summary>A request the transport could not even read (bad JSON, wrong shape): always a 400.</summary>
public sealed class BadGraphQLRequestException(string message, int status = StatusCodes.Status400BadRequest) : Exception(message)
{
    public int Status { get; } = status;
}

/// <summary>Reads GraphQL requests from a POST body (one object, or an array for a batch) or a GET query string.</summary>
public static class GraphQLRequestReader
{
    private const int MaxBodyChars = 1 << 20;

    public static async Task<(IReadOnlyList<GraphQLRequest> Requests, bool IsBatch)> ReadPostAsync(HttpRequest request, IGraphQLTextSerializer serializer, int maxBatch)
    {
        var body = await BoundedText.ReadAsync(request, MaxBodyChars, request.HttpContext.RequestAborted)
            ?? throw new BadGraphQLRequestException($"The request body is larger than {MaxBodyChars} characters.", StatusCodes.Status413PayloadTooLarge);

        var trimmed = body.TrimStart();
        try
        {
            if (trimmed.StartsWith('['))
            {
                var batch = serializer.Deserialize<GraphQLRequest[]>(body) ?? [];
                if (batch.Length == 0 || batch.Length > maxBatch)
                {
                    throw new BadGraphQLRequestException($"A batch must hold 1 to {maxBatch} operations.");
                }

                return (batch.Select(r => r ?? throw new BadGraphQLRequestException("A batch item is null.")).ToList(), true);
            }

            if (!trimmed.StartsWith('{'))
            {
                throw new BadGraphQLRequestException("The body must be a JSON object {\"query\": ..., \"variables\": ..., \"operationName\": ...}.");
            }

            return ([serializer.Deserialize<GraphQLRequest>(body)!], false);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new BadGraphQLRequestException($"The body is not a valid GraphQL request: {ex.Message}");
        }
    }

    public static GraphQLRequest ReadGet(HttpRequest request, IGraphQLTextSerializer serializer)
    {
        var q = request.Query;
        try
        {
            return new GraphQLRequest
            {
                Query = q["query"].FirstOrDefault(),
                OperationName = q["operationName"].FirstOrDefault() is { Length: > 0 } name ? name : null,
                Variables = q["variables"].FirstOrDefault() is { Length: > 0 } variables ? serializer.Deserialize<Inputs>(variables) : null,
                Extensions = q["extensions"].FirstOrDefault() is { Length: > 0 } extensions ? serializer.Deserialize<Inputs>(extensions) : null,
            };
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw new BadGraphQLRequestException($"variables and extensions must be JSON objects: {ex.Message}");
        }
    }
}
