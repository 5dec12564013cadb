using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsMeta.Api.Common.Json;

/// <summary>The one set of JSON settings for API responses, NDJSON import/export and ETag hashing.</summary>
public static class NewsJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>camelCase, enums as camelCase strings, UTC instants with 'Z', Arabic written as is (not \u-escaped).</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Responses are application/json, never HTML: write Arabic and quotes as themselves, not \u-escapes.
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new UtcDateTimeJsonConverter());
        options.Converters.Add(new NullableUtcDateTimeJsonConverter());
        options.MaxDepth = 32;
        return options;
    }
}
