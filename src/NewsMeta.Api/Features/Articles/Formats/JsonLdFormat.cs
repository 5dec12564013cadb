using System.Text.Json.Nodes;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Sources;

namespace NewsMeta.Api.Features.Articles.Formats;

/// <summary>
/// schema.org NewsArticle in JSON-LD. Publisher-tagged entities are what the article is <c>about</c>;
/// entities found in the text are <c>mentions</c>. The publisher is <c>sourceOrganization</c>; each
/// credited agency is the organisation behind a work the article <c>isBasedOn</c>. Author bylines are
/// <c>author</c> (Person, with the entity's URL as <c>@id</c>), images are <c>image</c> (ImageObject: caption,
/// creditText), sections are <c>articleSection</c> (their paths) and the subtitle <c>alternativeHeadline</c>.
/// </summary>
public static class JsonLdFormat
{
    public const string Context = "https://schema.org";

    public static JsonObject Article(ArticleSummaryDto article, string baseUrl)
    {
        var self = $"{baseUrl}/api/v1/articles/{article.Id}";
        var node = new JsonObject
        {
            ["@context"] = Context,
            ["@type"] = "NewsArticle",
            ["@id"] = self,
            ["identifier"] = article.ExternalId,
            ["headline"] = article.Title,
            ["inLanguage"] = article.Language,
            ["datePublished"] = Instant(article.PublishedAt),
            ["dateModified"] = Instant(article.UpdatedAt ?? article.ChangedAt),
            ["url"] = article.Url ?? self,
            ["sourceOrganization"] = Organization(article.Source.Name, article.Source.Kind, $"{baseUrl}/api/v1/sources/{article.Source.Id}"),
            ["keywords"] = new JsonArray([.. article.Keywords.Select(k => JsonValue.Create(k.Name))]),
        };
        if (article.Summary is { } summary)
        {
            node["description"] = summary;
        }

        if (article.Subtitle is { } subtitle)
        {
            node["alternativeHeadline"] = subtitle;
        }

        var authors = article.Bylines.Where(b => b.Role == BylineRole.Author).ToList();
        if (authors.Count > 0)
        {
            node["author"] = new JsonArray([.. authors.Select(b => Person(b, baseUrl))]);
        }

        var images = article is ArticleDto { Media: var media } ? media.Where(m => m.Kind == MediaKind.Image).ToList() : article.Image is { } lead ? [lead] : [];
        if (images.Count > 0)
        {
            node["image"] = new JsonArray([.. images.Select(ImageObject)]);
        }

        if (article.Credits.Count > 0)
        {
            node["isBasedOn"] = new JsonArray([.. article.Credits.Select(c => new JsonObject
            {
                ["@type"] = "CreativeWork",
                ["sourceOrganization"] = Organization(c.Name, c.Kind, $"{baseUrl}/api/v1/sources/{c.Id}"),
            })]);
        }

        if (article is ArticleDto full)
        {
            node["articleBody"] = full.Body;
            node["about"] = Things(full.Entities.Where(e => e.Origin == Origin.Publisher), baseUrl);
            node["mentions"] = Things(full.Entities.Where(e => e.Origin != Origin.Publisher), baseUrl);
            if (full.Sections.Count > 0)
            {
                node["articleSection"] = new JsonArray([.. full.Sections.Select(x => JsonValue.Create(x.Path))]);
            }

            node["wordCount"] = full.WordCount;
        }

        return node;
    }

    /// <summary>A page of articles as an ItemList (the next page is in the Link header).</summary>
    public static JsonObject List(IReadOnlyList<ArticleSummaryDto> articles, string baseUrl) => new()
    {
        ["@context"] = Context,
        ["@type"] = "ItemList",
        ["numberOfItems"] = articles.Count,
        ["itemListElement"] = new JsonArray([.. articles.Select((a, i) =>
        {
            var item = Article(a, baseUrl);
            item.Remove("@context");
            return new JsonObject { ["@type"] = "ListItem", ["position"] = i + 1, ["item"] = item };
        })]),
    };

    public static string TypeOf(EntityType type) => type switch
    {
        EntityType.Person => "Person",
        EntityType.Organization => "Organization",
        EntityType.Location => "Place",
        EntityType.Event => "Event",
        _ => "Thing",
    };

    private static JsonArray Things(IEnumerable<ArticleEntityDto> entities, string baseUrl) =>
        [.. entities.Select(e => new JsonObject { ["@type"] = TypeOf(e.Type), ["@id"] = $"{baseUrl}/api/v1/entities/{e.Id}", ["name"] = e.Name })];

    private static JsonObject Person(BylineDto byline, string baseUrl)
    {
        var person = new JsonObject { ["@type"] = "Person", ["name"] = byline.Name };
        if (byline.EntityId is { } id)
        {
            person["@id"] = $"{baseUrl}/api/v1/entities/{id}";
        }

        return person;
    }

    private static JsonObject ImageObject(MediaDto image)
    {
        var node = new JsonObject { ["@type"] = "ImageObject", ["contentUrl"] = image.Url, ["url"] = image.Url };
        void Set(string name, JsonNode? value)
        {
            if (value is not null)
            {
                node[name] = value;
            }
        }

        Set("caption", image.Caption);
        Set("creditText", image.Credit);
        Set("description", image.AltText);
        Set("width", image.Width);
        Set("height", image.Height);
        Set("encodingFormat", image.MimeType);
        return node;
    }

    private static JsonObject Organization(string name, SourceKind kind, string id) => new()
    {
        ["@type"] = kind is SourceKind.Newspaper or SourceKind.Site or SourceKind.Broadcaster ? "NewsMediaOrganization" : "Organization",
        ["@id"] = id,
        ["name"] = name,
    };

    private static string Instant(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
