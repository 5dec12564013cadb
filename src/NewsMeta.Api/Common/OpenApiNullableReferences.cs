using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NewsMeta.Api.Common;

/// <summary>
/// Marks nullable members whose schema is a reference (<c>LinkReasons? Reasons</c>, <c>Origin? Origin</c>,
/// <c>ArticleDto? ReadAlso</c>) as nullable. OpenAPI 3.0 ignores every keyword beside a <c>$ref</c>, so Swashbuckle
/// leaves them as the bare reference, and a client or validator then rejects the nulls the service sends. The
/// reference is wrapped in a one-entry <c>allOf</c> with <c>nullable: true</c>, the form Kiota and Prism read (an
/// enum is written out with null among its values); only these members, so every other property stays a plain <c>$ref</c>.
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
            properties[name] = context.SchemaRepository.Schemas.TryGetValue(reference.Reference.Id ?? "", out var target) && target.Enum is { Count: > 0 } values
                ? new OpenApiSchema { Type = target.Type | JsonSchemaType.Null, Enum = [.. values, null!], Description = reference.Description ?? target.Description }
                : new OpenApiSchema { AllOf = [reference], Type = JsonSchemaType.Null, Description = reference.Description };
        }
    }

    private static bool IsNullable(PropertyInfo property) =>
        Nullable.GetUnderlyingType(property.PropertyType) is not null
        || (!property.PropertyType.IsValueType && Nullability.Create(property).ReadState == NullabilityState.Nullable);
}
