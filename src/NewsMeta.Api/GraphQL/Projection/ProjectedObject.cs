using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsMeta.Api.GraphQL.Projection;

/// <summary>
/// One projected object: its response names and completed values (serialized scalars, nested projected
/// objects, arrays of either, nulls). Written as the answer writer writes an object node.
/// </summary>
[JsonConverter(typeof(ProjectedObjectConverter))]
internal sealed class ProjectedObject(string[] names, object?[] values)
{
    public string[] Names { get; } = names;

    public object?[] Values { get; } = values;
}

internal sealed class ProjectedObjectConverter : JsonConverter<ProjectedObject>
{
    public override ProjectedObject Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Projected objects are only written.");

    public override void Write(Utf8JsonWriter writer, ProjectedObject value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        var naming = options.PropertyNamingPolicy;
        for (var i = 0; i < value.Names.Length; i++)
        {
            writer.WritePropertyName(naming is null ? value.Names[i] : naming.ConvertName(value.Names[i]));
            WriteValue(writer, value.Values[i], options);
        }

        writer.WriteEndObject();
    }

    private void WriteValue(Utf8JsonWriter writer, object? value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case ProjectedObject nested:
                Write(writer, nested, options);
                break;
            case object?[] items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item, options);
                }

                writer.WriteEndArray();
                break;
            default:
                // Numbers, booleans, dates: as the answer writer writes a scalar node's value.
                JsonSerializer.Serialize(writer, value, value.GetType(), options);
                break;
        }
    }
}
