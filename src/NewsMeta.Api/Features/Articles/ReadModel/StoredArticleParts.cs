using System.Text.Json;
using NewsMeta.Api.Common.Json;

namespace NewsMeta.Api.Features.Articles.ReadModel;

/// <summary>
/// The relations of an <see cref="ArticleDto"/>, as GraphQL reads them: everything but the body and the
/// scalar columns (the row has those). Stored on their own (<see cref="ArticleDocument.Parts"/>); parsing
/// skips the members it does not name, so a full document parses as well.
/// </summary>
public sealed class StoredArticleParts
{
    public required SourceRefDto Source { get; init; }
    public List<SourceRefDto> Credits { get; init; } = [];
    public List<KeywordRefDto> Keywords { get; init; } = [];
    public List<ArticleEntityDto> Entities { get; init; } = [];
    public List<ArticleLinkDto> Links { get; init; } = [];
    public List<BylineDto> Bylines { get; init; } = [];
    public MediaDto? Image { get; init; }
    public List<MediaDto> Media { get; init; } = [];
    public List<SectionRefDto> Sections { get; init; } = [];

    /// <summary>The relations of an article, to store.</summary>
    public static StoredArticleParts Of(ArticleDto article) => new()
    {
        Source = article.Source,
        Credits = article.Credits,
        Keywords = article.Keywords,
        Entities = article.Entities,
        Links = article.Links,
        Bylines = article.Bylines,
        Image = article.Image,
        Media = article.Media,
        Sections = article.Sections,
    };

    /// <param name="document">A stored <see cref="ArticleDocument.Parts"/> (or <see cref="ArticleDocument.Full"/>).</param>
    /// <param name="withReasons">
    /// Whether computed links keep their reasons. Without, each link's reasons (shared entities and keywords,
    /// a few nested objects per link, ten similar links an article) are skipped unread: building them was most
    /// of what parsing a page's documents cost, for a field few queries ask for.
    /// </param>
    public static StoredArticleParts Parse(byte[] document, bool withReasons) =>
        JsonSerializer.Deserialize<StoredArticleParts>(document, withReasons ? NewsJson.Options : WithoutReasons)
        ?? throw new JsonException("A stored article document is null.");

    private static readonly JsonSerializerOptions WithoutReasons = new(NewsJson.Options) { Converters = { new SkippedReasons() } };

    /// <summary>Reads a link's reasons as null, skipping their JSON.</summary>
    private sealed class SkippedReasons : System.Text.Json.Serialization.JsonConverter<LinkReasons?>
    {
        public override LinkReasons? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            reader.Skip();
            return null;
        }

        public override void Write(Utf8JsonWriter writer, LinkReasons? value, JsonSerializerOptions options) =>
            throw new NotSupportedException("Parts parsed without reasons are never written.");
    }
}
