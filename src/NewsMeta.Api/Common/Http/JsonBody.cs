using System.Text.Json;
using NewsMeta.Api.Common.Json;

namespace NewsMeta.Api.Common.Http;

/// <summary>
/// Reads a JSON request body ourselves, so that a malformed body becomes a 400 naming the field
/// (from the JSON path) instead of a framework error without detail.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, Dictionary<string, string[]>? Errors)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, new() { ["request"] = ["must be JSON (Content-Type: application/json)"] });
        }

        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, NewsJson.Options, ct);
            return value is null ? (null, new() { ["request"] = ["must be a JSON object"] }) : (value, null);
        }
        catch (JsonException ex)
        {
            return (null, new() { [FieldOf(ex.Path)] = [Message(ex)] });
        }
    }

    /// <summary>"$.links[0].kind" → "links[0].kind"; "request" for the body as a whole.</summary>
    public static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "request" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;

    /// <summary>The converter's own message where it gave one; otherwise a plain description without internals.</summary>
    public static string Message(JsonException ex) =>
        ex.InnerException is null && ex.Message.StartsWith("must", StringComparison.Ordinal)
            ? ex.Message
            : ex.Path is null || ex.Path == "$" ? "is not valid JSON" : "has the wrong JSON type or is malformed";
}
