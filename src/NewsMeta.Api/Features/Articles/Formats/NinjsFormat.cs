using System.Globalization;
using System.Text.Json.Nodes;
using NewsMeta.Api.Features.NamedEntities;

namespace NewsMeta.Api.Features.Articles.Formats;

/// <summary>
/// IPTC ninjs 2.1: the article as a news item. Entities go to people, organisations, places and events
/// (others to subjects with the keywords); the publisher and credited agencies to infosources; links to
/// associations, each a minimal ninjs item of its own.
/// </summary>
public static class NinjsFormat
{
    public const string Version = "2.1";
    public const string Schema = "http://www.iptc.org/std/ninjs/ninjs-schema_2.1.json";

    public static JsonObject Article(ArticleSummaryDto article, string baseUrl)
    {
        var node = new JsonObject
        {
            ["uri"] = $"{baseUrl}/api/v1/articles/{article.Id}",
            ["standard"] = new JsonObject { ["name"] = "ninjs", ["version"] = Version, ["schema"] = Schema },
            ["type"] = "text",
            ["version"] = article.ChangedAt.Ticks.ToString(CultureInfo.InvariantCulture),
            ["firstcreated"] = Instant(article.PublishedAt),
            ["versioncreated"] = Instant(article.UpdatedAt ?? article.ChangedAt),
            ["pubstatus"] = "usable",
            ["language"] = article.Language,
            ["headlines"] = new JsonArray(Text("main", article.Title)),
            ["altids"] = new JsonArray(new JsonObject { ["role"] = "externalId", ["value"] = article.ExternalId }),
            ["infosources"] = new JsonArray([.. article.Credits.Select(c => Source(c, "originator", baseUrl)).Prepend(Source(article.Source, "publisher", baseUrl))]),
        };
        if (article.Summary is { } summary)
        {
            node["descriptions"] = new JsonArray(Text("summary", summary));
        }

        var subjects = article.Keywords.Select(k => new JsonObject { ["name"] = k.Name, ["uri"] = $"{baseUrl}/api/v1/keywords/{k.Id}" }).ToList();
        if (article is ArticleDto full)
        {
            node["bodies"] = new JsonArray(Text("main", full.Body));
            AddEntities(node, "people", full.Entities, EntityType.Person, baseUrl);
            AddEntities(node, "organisations", full.Entities, EntityType.Organization, baseUrl);
            AddEntities(node, "places", full.Entities, EntityType.Location, baseUrl);
            AddEntities(node, "events", full.Entities, EntityType.Event, baseUrl);
            subjects.AddRange(full.Entities.Where(e => e.Type == EntityType.Other).Select(e => Named(e, baseUrl)));
            node["associations"] = new JsonArray([.. full.Links.Select((l, i) => Association(article.Id, l, i, baseUrl))]);
        }

        node["subjects"] = new JsonArray([.. subjects]);
        return node;
    }

    private static void AddEntities(JsonObject node, string property, List<ArticleEntityDto> entities, EntityType type, string baseUrl)
    {
        var matching = entities.Where(e => e.Type == type).ToList();
        if (matching.Count > 0)
        {
            node[property] = new JsonArray([.. matching.Select(e => Named(e, baseUrl))]);
        }
    }

    private static JsonObject Named(ArticleEntityDto entity, string baseUrl) => new()
    {
        ["name"] = entity.Name,
        ["uri"] = $"{baseUrl}/api/v1/entities/{entity.Id}",
        ["rel"] = entity.Origin == Origin.Publisher ? "about" : "mentions",
    };

    private static JsonObject Source(SourceRefDto source, string role, string baseUrl) => new()
    {
        ["name"] = source.Name,
        ["role"] = role,
        ["uri"] = $"{baseUrl}/api/v1/sources/{source.Id}",
    };

    /// <summary>A linked article; its uri is ours when it is stored, else the link's own url, else a stable URN.</summary>
    private static JsonObject Association(int articleId, ArticleLinkDto link, int index, string baseUrl)
    {
        var association = new JsonObject
        {
            ["name"] = link.Kind.ToString() is { } kind ? char.ToLowerInvariant(kind[0]) + kind[1..] : "related",
            ["uri"] = link.TargetId is { } target ? $"{baseUrl}/api/v1/articles/{target}" : link.Url ?? $"urn:newsmeta:article:{articleId}:link:{index}",
            ["type"] = "text",
        };
        if (link.Title is { } title)
        {
            association["headlines"] = new JsonArray(Text("main", title));
        }

        return association;
    }

    private static JsonObject Text(string role, string value) => new() { ["role"] = role, ["contenttype"] = "text/plain", ["value"] = value };

    private static string Instant(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
