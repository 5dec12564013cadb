using Microsoft.Net.Http.Headers;

namespace NewsMeta.Api.GraphQL.Http;

/// <summary>Content negotiation of the GraphQL-over-HTTP spec.</summary>
public static class GraphQLMediaTypes
{
    public const string GraphQLResponse = "application/graphql-response+json";
    public const string Json = "application/json";

    /// <summary>
    /// The response type the client accepts best: graphql-response+json unless it asks for
    /// application/json only (older clients). Null when it accepts neither (406).
    /// </summary>
    public static string? Negotiate(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept.Count == 0)
        {
            return GraphQLResponse;
        }

        string? best = null;
        double bestQuality = 0;
        foreach (var media in accept)
        {
            var quality = media.Quality ?? 1;
            var candidate = media.MediaType.Value?.ToLowerInvariant() switch
            {
                GraphQLResponse or "application/*" or "*/*" => GraphQLResponse,
                Json => Json,
                _ => null,
            };
            // Equal quality: the spec's own type wins.
            if (candidate is not null && quality > 0 && (quality > bestQuality || (quality == bestQuality && candidate == GraphQLResponse)))
            {
                best = candidate;
                bestQuality = quality;
            }
        }

        return best;
    }

    /// <summary>POST bodies must be JSON (the charset, if given, UTF-8).</summary>
    public static bool IsJsonBody(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && string.Equals(type.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase)
        && (type.Charset.Value is null || string.Equals(type.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase));
}
