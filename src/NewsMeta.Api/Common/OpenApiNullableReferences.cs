using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NewsMeta.Api.Common;

/// <summary>
/// Marks nullable members whose schema is a reference (<c>LinkReasons? Reasons</c>, <c>Origin? Origin</c>,
/// <c>ArticleDto? ReadAlso</c>) as nullable. OpenAPI 3.0 ignores every keyword beside a <c>$ref</c>, so Swashbuckle
/// leaves them as the bare reference, and a client or validator then rejects the nulls the service sends. A
/// wrapper (<c>allOf</c> with <c>nullable</c>) is no way out: without a <c>type</c> it is invalid 3.0, and with one
/// Kiota generates a composed wrapper class instead of the model. So the referenced schema itself admits null
/// (<c>nullable: true</c>), which every use of it then allows: harmless for the responses that are never null, and
/// the member stays a plain reference that clients map to their model class. A nullable enum is different: it
/// must list null among its values, so it is written out in place and the shared enum stays non-nullable.
/// </summary>
public sealed class OpenApiNullableReferences : ISchemaFilter
{
    private static readonly NullabilityInfoContext Nullability = new();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema { Properties: { Count: > 0 } properties } || context.Type.IsPrimitive)
        {
            return;
        }

        var members = context.Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
            .ToDictionary(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name));
        foreach (var (name, property) in properties.ToList())
        {
            if (property is not OpenApiSchemaReference reference || !members.TryGetValue(name, out var member) || !IsNullable(member))
            {
                continue;
            }

            // A nullable enum must list null among its values (OpenAPI 3.0.3); that cannot be said beside a
            // reference, so the enum is written out here, the shared one staying non-nullable for everyone else.
            // Swashbuckle registers a referenced schema before it returns the reference, so the target is there.
            if (!context.SchemaRepository.Schemas.TryGetValue(reference.Reference.Id ?? "", out var target))
            {
                throw new InvalidOperationException($"{context.Type.Name}.{name}: schema {reference.Reference.Id} is not registered yet.");
            }

            if (target.Enum is { Count: > 0 } values)
            {
                properties[name] = new OpenApiSchema { Type = target.Type | JsonSchemaType.Null, Enum = [.. values, null!], Description = reference.Description ?? target.Description };
            }
            else if (target is OpenApiSchema model)
            {
                model.Type = (model.Type ?? JsonSchemaType.Object) | JsonSchemaType.Null;
            }
        }
    }

    private static bool IsNullable(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || (!property.PropertyType.IsValueType && Nullability.Create(property).ReadState == NullabilityState.Nullable);
}
