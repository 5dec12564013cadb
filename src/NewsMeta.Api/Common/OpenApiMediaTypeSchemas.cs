using Microsoft.OpenApi;
using NewsMeta.Api.Features.Articles.Formats;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace NewsMeta.Api.Common;

/// <summary>
/// Gives each media type an operation speaks the schema of what is really sent: JSON-LD and ninjs get their own
/// shapes (not the JSON DTO's), NDJSON, plain-text and HTML bodies are text. Endpoint metadata can name only one CLR type
/// for all the media types of a response, so the document otherwise claims a JSON-LD answer is an <c>ArticleDto</c>.
/// </summary>
public sealed class OpenApiMediaTypeSchemas : IOperationFilter
{
    private const string NdjsonContentType = "application/x-ndjson";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.RequestBody is OpenApiRequestBody { Content: { } requestContent })
        {
            foreach (var (mediaType, content) in requestContent)
            {
                if (content is OpenApiMediaType media && mediaType is NdjsonContentType or "text/plain" or "text/html")
                {
                    media.Schema = Text(mediaType switch
                    {
                        NdjsonContentType => "One ArticleRecord JSON object per line (UTF-8).",
                        "text/html" => "A whole HTML page as a browser received it (charset from the header, else the page's meta charset, else UTF-8).",
                        _ => "The page's text (UTF-8).",
                    });
                }
            }
        }

        foreach (var response in operation.Responses?.Values.OfType<OpenApiResponse>() ?? [])
        {
            var isList = response.Content is { } byType && byType.TryGetValue("application/json", out var json)
                && json.Schema is OpenApiSchemaReference { Reference.Id: { } id } && id.EndsWith("Page", StringComparison.Ordinal);
            foreach (var (mediaType, content) in response.Content?.AsEnumerable() ?? [])
            {
                if (content is not OpenApiMediaType media)
                {
                    continue;
                }

                media.Schema = mediaType switch
                {
                    ArticleMediaTypes.JsonLd => Reference(context, isList ? ArticleFormatSchemas.JsonLdList : ArticleFormatSchemas.JsonLdArticle),
                    ArticleMediaTypes.Ninjs => Reference(context, isList ? ArticleFormatSchemas.NinjsList : ArticleFormatSchemas.NinjsItem),
                    NdjsonContentType => Text("One ArticleRecord JSON object per line (UTF-8), oldest change first."),
                    _ => media.Schema,
                };
            }
        }
    }

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiSchemaReference Reference(OperationFilterContext context, (string Id, Func<OpenApiDocument, OpenApiSchema> Create) schema)
    {
        if (!context.SchemaRepository.Schemas.ContainsKey(schema.Id))
        {
            context.SchemaRepository.AddDefinition(schema.Id, schema.Create(context.Document));
        }

        return new OpenApiSchemaReference(schema.Id, context.Document);
    }
}
