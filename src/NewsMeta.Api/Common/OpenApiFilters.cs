using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NewsMeta.Api.Common;

/// <summary>
/// Fixes what endpoint metadata cannot say, so that a client generated from the document (Kiota, see
/// tests/NewsMeta.Client.Tests) is typed: path parameters ({id}, {externalId}) get a description, and the list filters, bound as strings so that the
/// endpoints can answer a validation problem for each bad value, are documented with the types they accept.
/// </summary>
public sealed class NewsOpenApiOperationFilter : IOperationFilter
{
    private static readonly Dictionary<string, (JsonSchemaType Type, string? Format)> QueryTypes = new()
    {
        ["limit"] = (JsonSchemaType.Integer, "int32"),
        ["size"] = (JsonSchemaType.Integer, "int32"),
        ["entity"] = (JsonSchemaType.Integer, "int32"),
        ["keyword"] = (JsonSchemaType.Integer, "int32"),
        ["source"] = (JsonSchemaType.Integer, "int32"),
        ["credit"] = (JsonSchemaType.Integer, "int32"),
        ["byline"] = (JsonSchemaType.Integer, "int32"),
        ["section"] = (JsonSchemaType.Integer, "int32"),
        ["isRepublication"] = (JsonSchemaType.Boolean, null),
        ["publishedFrom"] = (JsonSchemaType.String, "date-time"),
        ["publishedTo"] = (JsonSchemaType.String, "date-time"),
        ["updatedSince"] = (JsonSchemaType.String, "date-time"),
        ["publishedAt"] = (JsonSchemaType.String, "date-time"),
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In == ParameterLocation.Query && QueryTypes.TryGetValue(parameter.Name ?? "", out var type)
                && parameter.Schema is OpenApiSchema { Type: JsonSchemaType.String or JsonSchemaType.Array } schema)
            {
                var typed = new OpenApiSchema { Type = type.Type, Format = type.Format };
                parameter.Schema = schema.Type == JsonSchemaType.Array ? new OpenApiSchema { Type = JsonSchemaType.Array, Items = typed } : typed;
            }
        }

        var segments = context.ApiDescription.RelativePath?.Split('/') ?? [];
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.In != ParameterLocation.Path || !string.IsNullOrWhiteSpace(parameter.Description))
            {
                continue;
            }

            // The route template may still carry constraints: {id:int}.
            var index = Array.FindIndex(segments, s => s.Trim('{', '}').Split(':')[0] == parameter.Name);
            var owner = index > 0 ? segments[index - 1] : "";
            parameter.Description = (parameter.Name, owner) switch
            {
                ("externalId", _) => "The article's externalId: the publisher's own identifier, unique per store.",
                ("id", "articles") => "Article id.",
                ("id", "entities") => "Entity id.",
                ("id", "keywords") => "Keyword id.",
                ("id", "sources") => "Source id.",
                ("id", "sections") => "Section id.",
                _ => null,
            };
        }
    }
}
