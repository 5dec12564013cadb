using System.Text.Json;
using NewsMeta.Api.Common.Json;

namespace NewsMeta.Api.Features.Articles.ReadModel;

/// <summary>
/// The relations of a stored <see cref="ArticleDto"/> document, as GraphQL reads them: everything but the
/// body and the scalar columns (the row has those). Parsing skips the members it does not name, so the body
/// is scanned, never allocated.
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

    public static StoredArticleParts Parse(byte[] document) =>
        JsonSerializer.Deserialize<StoredArticleParts>(document, NewsJson.Options)
        ?? throw new JsonException("A stored article document is null.");

    /// <summary>The body of a stored document, parsed on its own: only a query that selects it pays for the string.</summary>
    public static string Body(byte[] document) =>
        JsonSerializer.Deserialize<StoredBody>(document, NewsJson.Options)?.Body
        ?? throw new JsonException("A stored article document has no body.");

    private sealed class StoredBody
    {
        public string? Body { get; init; }
    }
}
