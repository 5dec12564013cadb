namespace NewsMeta.Api.Common.OpenApi;

/// <summary>
/// The examples of one operation, declared beside its endpoint with <c>.WithExamples(…)</c> and written into the
/// OpenAPI document by <see cref="ExamplesOperationFilter"/>. Values are the API's own DTOs (or plain objects),
/// serialised with the API's JSON settings, so an example has the names and formats a real answer has.
/// </summary>
public sealed class OperationExamples
{
    /// <summary>Examples of this operation's own parameters (by name); the list filters, paging and the like come from <see cref="SharedParameterExamples"/>.</summary>
    public Dictionary<string, object> Parameters { get; init; } = [];

    /// <summary>The request body, when the operation takes one.</summary>
    public Example? Request { get; init; }

    /// <summary>Examples of the request body in its other media types (e.g. a page as text/html beside its JSON form).</summary>
    public List<Example> OtherRequests { get; init; } = [];

    /// <summary>One example per documented status; 401 and 403 are filled from <see cref="ProblemExamples"/> when not given.</summary>
    public Dictionary<int, Example> Responses { get; init; } = [];
}

/// <summary>
/// One example value. Without <paramref name="MediaType"/> it goes to the JSON representation
/// (application/json, or application/problem+json for errors); a text body (NDJSON, text/plain) names its media type.
/// </summary>
public sealed record Example(string Summary, object Value, string? MediaType = null);

public static class OperationExamplesExtensions
{
    /// <summary>Declares the operation's examples (see <see cref="OperationExamples"/>).</summary>
    public static RouteHandlerBuilder WithExamples(this RouteHandlerBuilder builder, OperationExamples examples) =>
        builder.WithMetadata(examples);
}
