using System.Text.Json.Nodes;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Sources;

namespace NewsMeta.Api.Features.Articles.Formats;

/// <summary>
/// schema.org NewsArticle in JSON-LD. Publisher-tagged entities are what the article is <c>about</c>;
/// entities found in the text are <c>mentions</c>. The publisher is <c>sourceOrganization</c>; each
/// credited agency is the organisation behind a work the article <c>isBasedOn</c>.
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

    private static JsonObject Organization(string name, SourceKind kind, string id) => new()
    {
        ["@type"] = kind is SourceKind.Newspaper or SourceKind.Site or SourceKind.Broadcaster ? "NewsMediaOrganization" : "Organization",
        ["@id"] = id,
        ["name"] = name,
    };

    private static string Instant(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
