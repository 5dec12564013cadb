using System.Globalization;
using System.Text.Json.Nodes;
using NewsMeta.Api.Features.NamedEntities;

namespace NewsMeta.Api.Features.Articles.Formats;

/// <summary>
/// IPTC ninjs 2.1: the article as a news item. Entities go to people, organisations, places and events
/// (others to subjects with the keywords); the publisher and credited agencies to infosources; links to
/// associations, each a minimal ninjs item of its own. Bylines go to <c>bylines</c> (and author names to
/// <c>by</c>), pictures, video and audio to associations with one rendition each (the file), sections to
/// subjects (rel <c>section</c>), the subtitle to a <c>sub</c> headline.
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

        if (article.Subtitle is { } subtitle)
        {
            node["headlines"]!.AsArray().Add(Text("sub", subtitle));
        }

        if (article.Bylines.Count > 0)
        {
            node["by"] = string.Join("، ", article.Bylines.Where(b => b.Role == BylineRole.Author).Select(b => b.Name));
            node["bylines"] = new JsonArray([.. article.Bylines.Select(b => Byline(b, baseUrl))]);
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
            subjects.AddRange(full.Sections.Select(x => new JsonObject { ["name"] = x.Path, ["uri"] = $"{baseUrl}/api/v1/sections/{x.Id}", ["rel"] = "section" }));
            node["associations"] = new JsonArray([
                .. full.Links.Select((l, i) => Association(article.Id, l, i, baseUrl)),
                .. full.Media.Select((m, i) => Picture(article.Id, m, i)),
            ]);
        }
        else if (article.Image is { } lead)
        {
            node["associations"] = new JsonArray(Picture(article.Id, lead, 0));
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

    private static JsonObject Byline(BylineDto byline, string baseUrl)
    {
        var node = new JsonObject { ["byline"] = byline.Name, ["role"] = Common.EnumNames.ToName(byline.Role) };
        if (byline.EntityId is { } id)
        {
            node["href"] = $"{baseUrl}/api/v1/entities/{id}";
        }

        return node;
    }

    /// <summary>A picture, video or audio item as an associated ninjs item, its file as its one rendition.</summary>
    private static JsonObject Picture(int articleId, MediaDto media, int index)
    {
        var rendition = new JsonObject { ["name"] = "original", ["href"] = media.Url };
        if (media.MimeType is { } mime)
        {
            rendition["contenttype"] = mime;
        }

        if (media.Width is { } width)
        {
            rendition["width"] = width;
        }

        if (media.Height is { } height)
        {
            rendition["height"] = height;
        }

        var item = new JsonObject
        {
            ["name"] = index == 0 && media.Kind == MediaKind.Image ? "leadImage" : $"{Common.EnumNames.ToName(media.Kind)}{index}",
            ["uri"] = $"urn:newsmeta:article:{articleId}:media:{index}",
            ["type"] = media.Kind == MediaKind.Image ? "picture" : Common.EnumNames.ToName(media.Kind),
            ["renditions"] = new JsonArray(rendition),
        };
        if (media.Caption is { } caption)
        {
            item["descriptions"] = new JsonArray(Text("caption", caption));
        }

        if (media.AltText is { } alt)
        {
            item["descriptions"] ??= new JsonArray();
            item["descriptions"]!.AsArray().Add(Text("alternative", alt));
        }

        if (media.Credit is { } credit)
        {
            item["by"] = credit;
        }

        return item;
    }

    private static JsonObject Text(string role, string value) => new() { ["role"] = role, ["contenttype"] = "text/plain", ["value"] = value };

    private static string Instant(DateTime value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
