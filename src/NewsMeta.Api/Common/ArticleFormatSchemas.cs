using Microsoft.OpenApi;

namespace NewsMeta.Api.Common;

/// <summary>
/// The OpenAPI shapes of the JSON-LD and ninjs representations (Features/Articles/Formats): the members those
/// writers always send are required, the rest described; further members are allowed, as both vocabularies are open.
/// </summary>
public static class ArticleFormatSchemas
{
    public static readonly (string Id, Func<OpenApiDocument, OpenApiSchema> Create) JsonLdArticle = ("JsonLdNewsArticle", _ => new()
    {
        Type = JsonSchemaType.Object,
        Description = "schema.org NewsArticle as JSON-LD.",
        Required = new HashSet<string> { "@type", "@id", "identifier", "headline", "inLanguage", "datePublished", "sourceOrganization" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["@context"] = String("The schema.org context (absent on the items of a list)."),
            ["@type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("NewsArticle")] },
            ["@id"] = String("The article's URL in this API."),
            ["identifier"] = String("The article's externalId."),
            ["headline"] = String(null),
            ["inLanguage"] = String(null),
            ["datePublished"] = DateTime(),
            ["dateModified"] = DateTime(),
            ["url"] = String(null),
            ["description"] = String(null),
            ["articleBody"] = String("Only on a single article."),
            ["keywords"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = String(null) },
            ["sourceOrganization"] = Object("The publisher: NewsMediaOrganization or Organization."),
            ["isBasedOn"] = Objects("The credited agencies' works."),
            ["about"] = Objects("Entities the publisher tagged (single article only)."),
            ["mentions"] = Objects("Entities found in the text (single article only)."),
            ["alternativeHeadline"] = String("The subtitle."),
            ["author"] = Objects("Author bylines as Person, with the entity's URL as @id when the name is a known person."),
            ["image"] = Objects("Images as ImageObject (url, caption, creditText, width, height); on a list item only the lead image."),
            ["articleSection"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = String(null), Description = "Section paths (single article only)." },
            ["wordCount"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "Single article only." },
        },
    });

    public static readonly (string Id, Func<OpenApiDocument, OpenApiSchema> Create) JsonLdList = ("JsonLdItemList", document => new()
    {
        Type = JsonSchemaType.Object,
        Description = "A page of articles as a schema.org ItemList of NewsArticle (JSON-LD).",
        Required = new HashSet<string> { "@context", "@type", "numberOfItems", "itemListElement" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["@context"] = String(null),
            ["@type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("ItemList")] },
            ["numberOfItems"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
            ["itemListElement"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "@type", "position", "item" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["@type"] = String("ListItem"),
                        ["position"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" },
                        ["item"] = new OpenApiSchemaReference(JsonLdArticle.Id, document),
                    },
                },
            },
        },
    });

    public static readonly (string Id, Func<OpenApiDocument, OpenApiSchema> Create) NinjsItem = ("NinjsItem", _ => new()
    {
        Type = JsonSchemaType.Object,
        Description = "IPTC ninjs 2.1 item.",
        Required = new HashSet<string> { "uri", "standard", "type", "version", "firstcreated", "versioncreated", "pubstatus", "language", "headlines" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["uri"] = String("The article's URL in this API."),
            ["standard"] = Object("{name: ninjs, version, schema}."),
            ["type"] = String(null),
            ["version"] = String(null),
            ["firstcreated"] = DateTime(),
            ["versioncreated"] = DateTime(),
            ["pubstatus"] = String(null),
            ["language"] = String(null),
            ["headlines"] = Objects(null),
            ["altids"] = Objects(null),
            ["infosources"] = Objects(null),
            ["descriptions"] = Objects(null),
            ["bodies"] = Objects("Only on a single article."),
            ["subjects"] = Objects("Keywords, untyped entities and sections (rel section)."),
            ["people"] = Objects(null),
            ["organisations"] = Objects(null),
            ["places"] = Objects(null),
            ["events"] = Objects(null),
            ["associations"] = Objects("Linked articles and media (pictures with renditions) on a single article; the lead picture on a list item."),
            ["by"] = String("The authors' names."),
            ["bylines"] = Objects("Each byline: byline (name), role and, for a known person, href."),
        },
    });

    public static readonly (string Id, Func<OpenApiDocument, OpenApiSchema> Create) NinjsList = ("NinjsPage", document => new()
    {
        Type = JsonSchemaType.Object,
        Description = "A page of articles as ninjs 2.1 items.",
        Required = new HashSet<string> { "items" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["items"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(NinjsItem.Id, document) },
            ["nextCursor"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
        },
    });

    private static OpenApiSchema String(string? description) => new() { Type = JsonSchemaType.String, Description = description };

    private static OpenApiSchema DateTime() => new() { Type = JsonSchemaType.String, Format = "date-time" };

    private static OpenApiSchema Object(string? description) => new() { Type = JsonSchemaType.Object, Description = description };

    private static OpenApiSchema Objects(string? description) => new() { Type = JsonSchemaType.Array, Items = Object(null), Description = description };
}
