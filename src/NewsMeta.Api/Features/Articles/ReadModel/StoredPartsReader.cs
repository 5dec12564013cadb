using System.Text.Json;
using NewsMeta.Api.Common.Json;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Sources;

namespace NewsMeta.Api.Features.Articles.ReadModel;

/// <summary>
/// Reads stored relations (<see cref="ArticleDocument.Parts"/> and <see cref="ArticleLinksDocument.PartsLinks"/>, or a full document) straight off a
/// <see cref="Utf8JsonReader"/>. A GraphQL page reads one per row; through the serializer (a frame pushed
/// and copied for every nested object) that was 15-25 % of such a page's sampled CPU. Source, credits,
/// keywords, entities and links, which every article has, are read here; bylines, media and sections go
/// through the serializer. Members it does not know (a full document's body and scalars, a link's
/// reasons) are skipped unread, so the format may grow.
/// </summary>
internal static class StoredPartsReader
{
    private delegate T ItemReader<T>(ref Utf8JsonReader reader);

    /// <param name="json">Stored relations or a full document.</param>
    /// <param name="storedLinks">Stored links (a JSON array) that stand for the document's own, which a frame leaves empty.</param>
    public static StoredArticleParts Read(ReadOnlySpan<byte> json, ReadOnlySpan<byte> storedLinks = default)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = NewsJson.Options.MaxDepth });
        Next(ref reader, JsonTokenType.StartObject);
        SourceRefDto? source = null;
        List<SourceRefDto> credits = [];
        List<KeywordRefDto> keywords = [];
        List<ArticleEntityDto> entities = [];
        List<ArticleLinkDto> links = [];
        List<BylineDto> bylines = [];
        MediaDto? image = null;
        List<MediaDto> media = [];
        List<SectionRefDto> sections = [];
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("source"u8))
            {
                reader.Read();
                source = Source(ref reader);
            }
            else if (reader.ValueTextEquals("credits"u8))
            {
                credits = List(ref reader, Source);
            }
            else if (reader.ValueTextEquals("keywords"u8))
            {
                keywords = List(ref reader, Keyword);
            }
            else if (reader.ValueTextEquals("entities"u8))
            {
                entities = List(ref reader, Entity);
            }
            else if (reader.ValueTextEquals("links"u8))
            {
                links = List(ref reader, Link);
            }
            else if (reader.ValueTextEquals("bylines"u8))
            {
                bylines = Serialized<List<BylineDto>>(ref reader) ?? [];
            }
            else if (reader.ValueTextEquals("image"u8))
            {
                image = Serialized<MediaDto>(ref reader);
            }
            else if (reader.ValueTextEquals("media"u8))
            {
                media = Serialized<List<MediaDto>>(ref reader) ?? [];
            }
            else if (reader.ValueTextEquals("sections"u8))
            {
                sections = Serialized<List<SectionRefDto>>(ref reader) ?? [];
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (!storedLinks.IsEmpty)
        {
            var linksReader = new Utf8JsonReader(storedLinks, new JsonReaderOptions { MaxDepth = NewsJson.Options.MaxDepth });
            links = List(ref linksReader, Link);
        }

        return new StoredArticleParts
        {
            Source = source ?? throw new JsonException("Stored relations have no source."),
            Credits = credits,
            Keywords = keywords,
            Entities = entities,
            Links = links,
            Bylines = bylines,
            Image = image,
            Media = media,
            Sections = sections,
        };
    }

    private static SourceRefDto Source(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        int id = 0;
        string? name = null;
        SourceKind kind = default;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = Int(ref reader);
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                name = String(ref reader);
            }
            else if (reader.ValueTextEquals("kind"u8))
            {
                kind = EnumNames<SourceKind>.Read(ref reader);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new SourceRefDto { Id = id, Name = name ?? "", Kind = kind };
    }

    private static KeywordRefDto Keyword(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        int id = 0;
        string? name = null;
        Origin origin = default;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = Int(ref reader);
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                name = String(ref reader);
            }
            else if (reader.ValueTextEquals("origin"u8))
            {
                origin = EnumNames<Origin>.Read(ref reader);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new KeywordRefDto { Id = id, Name = name ?? "", Origin = origin };
    }

    private static ArticleEntityDto Entity(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        int id = 0, mentions = 0;
        string? name = null, matchedAlias = null;
        EntityType type = default;
        Origin origin = default;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                id = Int(ref reader);
            }
            else if (reader.ValueTextEquals("name"u8))
            {
                name = String(ref reader);
            }
            else if (reader.ValueTextEquals("type"u8))
            {
                type = EnumNames<EntityType>.Read(ref reader);
            }
            else if (reader.ValueTextEquals("mentions"u8))
            {
                mentions = Int(ref reader);
            }
            else if (reader.ValueTextEquals("matchedAlias"u8))
            {
                matchedAlias = String(ref reader);
            }
            else if (reader.ValueTextEquals("origin"u8))
            {
                origin = EnumNames<Origin>.Read(ref reader);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new ArticleEntityDto { Id = id, Name = name ?? "", Type = type, Mentions = mentions, MatchedAlias = matchedAlias, Origin = origin };
    }

    private static ArticleLinkDto Link(ref Utf8JsonReader reader)
    {
        Expect(ref reader, JsonTokenType.StartObject);
        LinkKind kind = default;
        int? targetId = null;
        string? targetExternalId = null, title = null, url = null;
        double? score = null;
        Origin origin = default;
        while (Next(ref reader) == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("kind"u8))
            {
                kind = EnumNames<LinkKind>.Read(ref reader);
            }
            else if (reader.ValueTextEquals("targetId"u8))
            {
                targetId = reader.Read() && reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
            }
            else if (reader.ValueTextEquals("targetExternalId"u8))
            {
                targetExternalId = String(ref reader);
            }
            else if (reader.ValueTextEquals("title"u8))
            {
                title = String(ref reader);
            }
            else if (reader.ValueTextEquals("url"u8))
            {
                url = String(ref reader);
            }
            else if (reader.ValueTextEquals("score"u8))
            {
                score = reader.Read() && reader.TokenType == JsonTokenType.Null ? null : reader.GetDouble();
            }
            else if (reader.ValueTextEquals("origin"u8))
            {
                origin = EnumNames<Origin>.Read(ref reader);
            }
            else
            {
                SkipValue(ref reader);
            }
        }

        return new ArticleLinkDto { Kind = kind, TargetId = targetId, TargetExternalId = targetExternalId, Title = title, Url = url, Score = score, Origin = origin };
    }

    /// <summary>The array after the current property name, item by item.</summary>
    private static List<T> List<T>(ref Utf8JsonReader reader, ItemReader<T> item)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        Expect(ref reader, JsonTokenType.StartArray);
        var list = new List<T>();
        while (Next(ref reader) != JsonTokenType.EndArray)
        {
            list.Add(item(ref reader));
        }

        return list;
    }

    private static T? Serialized<T>(ref Utf8JsonReader reader)
    {
        reader.Read();
        return JsonSerializer.Deserialize<T>(ref reader, NewsJson.Options);
    }

    private static int Int(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.GetInt32();
    }

    private static string? String(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : reader.GetString();
    }

    private static void SkipValue(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Skip();
    }

    private static JsonTokenType Next(ref Utf8JsonReader reader) =>
        reader.Read() ? reader.TokenType : throw new JsonException("Stored relations end early.");

    private static void Next(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        reader.Read();
        Expect(ref reader, expected);
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType expected)
    {
        if (reader.TokenType != expected)
        {
            throw new JsonException($"Stored relations: expected {expected}, found {reader.TokenType}.");
        }
    }

    /// <summary>An enum's members by the camelCase names the serializer writes them with, compared as UTF-8.</summary>
    private static class EnumNames<T>
        where T : struct, Enum
    {
        private static readonly (byte[] Name, T Value)[] Names = [.. Enum.GetValues<T>()
            .Select(v => (System.Text.Encoding.UTF8.GetBytes(JsonNamingPolicy.CamelCase.ConvertName(v.ToString())), v))];

        public static T Read(ref Utf8JsonReader reader)
        {
            reader.Read();
            foreach (var (name, value) in Names)
            {
                if (reader.ValueTextEquals(name))
                {
                    return value;
                }
            }

            throw new JsonException($"Stored relations: {reader.GetString()} is not a {typeof(T).Name}.");
        }
    }
}
