using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using NewsMeta.Api.Common.Json;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NewsMeta.Api.Common.OpenApi;

/// <summary>
/// Writes each operation's <see cref="OperationExamples"/> into the document: parameter examples (its own, else
/// the shared ones), the request body's example and one example per response status. 401 and 403, alike for
/// every write, come from <see cref="ProblemExamples"/>. An example naming a status, parameter or media type the
/// operation does not document is a mistake in the declaration: it fails the document (and so the tests).
/// </summary>
public sealed class ExamplesOperationFilter : IOperationFilter
{
    private const string Json = "application/json";
    private const string ProblemJson = "application/problem+json";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var examples = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<OperationExamples>().LastOrDefault() ?? new();
        var name = operation.OperationId ?? context.ApiDescription.RelativePath;
        ApplyParameters(operation, examples, name);
        if (examples.Request is { } request)
        {
            var content = operation.RequestBody?.Content ?? throw new InvalidOperationException($"{name}: a request example, but no request body.");
            SetExample(content, request, request.MediaType ?? Json, name, "request", context.SchemaRepository);
            foreach (var other in examples.OtherRequests)
            {
                SetExample(content, other, other.MediaType ?? Json, name, "request", context.SchemaRepository);
            }
        }

        foreach (var (status, response) in operation.Responses ?? [])
        {
            var example = examples.Responses.GetValueOrDefault(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture))
                ?? status switch { "401" => ProblemExamples.Unauthorized, "403" => ProblemExamples.Forbidden, _ => null };
            if (example is not null && response.Content is { } content)
            {
                SetExample(content, example, example.MediaType ?? (status[0] is '4' or '5' ? ProblemJson : Json), name, status, context.SchemaRepository);
            }
        }

        var undocumented = examples.Responses.Keys.Select(k => k.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Where(k => operation.Responses?.ContainsKey(k) != true).ToList();
        if (undocumented.Count > 0)
        {
            throw new InvalidOperationException($"{name}: examples for undocumented responses {string.Join(", ", undocumented)}.");
        }
    }

    private static void ApplyParameters(OpenApiOperation operation, OperationExamples examples, string? name)
    {
        var parameters = operation.Parameters?.OfType<OpenApiParameter>().ToList() ?? [];
        foreach (var parameter in parameters)
        {
            var value = examples.Parameters.GetValueOrDefault(parameter.Name ?? "") ?? SharedParameterExamples.ByName.GetValueOrDefault(parameter.Name ?? "");
            if (value is not null)
            {
                parameter.Example = ToNode(value);
            }
        }

        var unknown = examples.Parameters.Keys.Where(k => parameters.All(p => p.Name != k)).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"{name}: examples for unknown parameters {string.Join(", ", unknown)}.");
        }
    }

    private static void SetExample(IDictionary<string, IOpenApiMediaType> content, Example example, string mediaType, string? name, string where, SchemaRepository schemas)
    {
        if (!content.TryGetValue(mediaType, out var media) || media is not OpenApiMediaType concrete)
        {
            throw new InvalidOperationException($"{name}: an example for {where} {mediaType}, which it does not document ({string.Join(", ", content.Keys)}).");
        }

        concrete.Examples ??= new Dictionary<string, IOpenApiExample>();
        var value = ToNode(example.Value);
        LeaveOutNullReferences(value, concrete.Schema, schemas);
        concrete.Examples[ExampleKey(example.Summary)] = new OpenApiExample { Summary = example.Summary, Value = value };
    }

    /// <summary>
    /// The API sends null for an absent nested object or enum (a publisher link's <c>reasons</c>), but an OpenAPI 3.0
    /// property that is a bare <c>$ref</c> cannot say it is nullable, so a null there would make the example invalid
    /// against its schema. The example leaves such properties out instead: to a client, absent and null read alike.
    /// </summary>
    private static void LeaveOutNullReferences(JsonNode? node, IOpenApiSchema? schema, SchemaRepository schemas)
    {
        schema = Resolve(schema, schemas);
        switch (node)
        {
            case JsonObject json when schema?.Properties is { } properties:
                foreach (var (key, value) in json.ToList())
                {
                    if (!properties.TryGetValue(key, out var property))
                    {
                        continue;
                    }

                    if (value is null && property is OpenApiSchemaReference)
                    {
                        json.Remove(key);
                    }
                    else
                    {
                        LeaveOutNullReferences(value, property, schemas);
                    }
                }

                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    LeaveOutNullReferences(item, schema?.Items, schemas);
                }

                break;
        }
    }

    private static IOpenApiSchema? Resolve(IOpenApiSchema? schema, SchemaRepository schemas) => schema switch
    {
        OpenApiSchemaReference { Reference.Id: { } id } when schemas.Schemas.TryGetValue(id, out var target) => target,
        OpenApiSchema { AllOf: [var only] } => Resolve(only, schemas),
        _ => schema,
    };

    // Example keys are component-like names: "A key without the write scope" → "aKeyWithoutTheWriteScope".
    private static string ExampleKey(string summary)
    {
        var words = summary.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray())).Where(w => w.Length > 0).ToList();
        return string.Concat(words.Select((w, i) => i == 0 ? char.ToLowerInvariant(w[0]) + w[1..] : char.ToUpperInvariant(w[0]) + w[1..]));
    }

    private static JsonNode? ToNode(object value) => value as JsonNode ?? JsonSerializer.SerializeToNode(value, value.GetType(), NewsJson.Options);
}
