using System.Text.Json.Nodes;

namespace NewsMeta.Api.Common.OpenApi;

/// <summary>
/// RFC 9457 problem documents as the service sends them (see Common/Http/Problems.cs and the authentication
/// handler): the RFC section as <c>type</c>, the house titles, and the request's W3C trace id.
/// </summary>
public static class ProblemExamples
{
    private const string TraceId = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";

    // The type ASP.NET Core's problem details give each status: its RFC 9110 section (422: RFC 4918).
    // Declared first: the static examples below are built from it.
    private static readonly Dictionary<int, string> Types = new()
    {
        [400] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        [401] = "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        [403] = "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        [404] = "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        [409] = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        [410] = "https://tools.ietf.org/html/rfc9110#section-15.5.11",
        [412] = "https://tools.ietf.org/html/rfc9110#section-15.5.13",
        [413] = "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        [415] = "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        [422] = "https://tools.ietf.org/html/rfc4918#section-11.2",
    };

    public static Example Unauthorized { get; } =
        Problem("No API key", 401, "Unauthorized", "This operation needs an API key in the X-Api-Key header.");

    public static Example Forbidden { get; } =
        Problem("A key without the write scope", 403, "Forbidden", "The API key does not have the scope this operation needs.");

    /// <summary>A validation problem: <c>errors</c> maps the field (a query parameter, or a JSON path of the body) to its messages.</summary>
    public static Example Invalid(string summary, string field, string message) =>
        new(summary, new JsonObject
        {
            ["type"] = Types[400],
            ["title"] = "Invalid request",
            ["status"] = 400,
            ["detail"] = "One or more fields are invalid.",
            ["errors"] = new JsonObject { [field] = new JsonArray(message) },
            ["traceId"] = TraceId,
        });

    public static Example NotFound(string detail) => Problem("Nothing has this id", 404, "Not found", detail);

    public static Example Problem(string summary, int status, string title, string detail) =>
        new(summary, new JsonObject
        {
            ["type"] = Types[status],
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
            ["traceId"] = TraceId,
        });
}
