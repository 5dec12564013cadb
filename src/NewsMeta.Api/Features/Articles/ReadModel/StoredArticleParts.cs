namespace NewsMeta.Api.Features.Articles.ReadModel;

/// <summary>
/// The relations of an <see cref="ArticleDto"/>, as GraphQL reads them: everything but the body, the scalar
/// columns (the row has those) and the computed links' reasons. Stored on their own
/// (<see cref="ArticleDocument.Parts"/>); parsing skips the members it does not name, and any reasons, so a
/// full document parses to the same.
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

    /// <summary>
    /// The relations of an article, to store. Without the links' reasons: a few nested objects for each of
    /// ten similar links, about a fifth of the stored bytes (7.7 against 6.2 KB a row on the 20k benchmark
    /// corpus), for a field few queries ask for (those load the links from their table).
    /// </summary>
    public static StoredArticleParts Of(ArticleDto article) => new()
    {
        Source = article.Source,
        Credits = article.Credits,
        Keywords = article.Keywords,
        Entities = article.Entities,
        Links = [.. article.Links.Select(WithoutReasons)],
        Bylines = article.Bylines,
        Image = article.Image,
        Media = article.Media,
        Sections = article.Sections,
    };

    /// <summary>A link as the stored relations hold it: without its reasons.</summary>
    public static ArticleLinkDto WithoutReasons(ArticleLinkDto link) => new()
    {
        Kind = link.Kind,
        TargetId = link.TargetId,
        TargetExternalId = link.TargetExternalId,
        Title = link.Title,
        Url = link.Url,
        Score = link.Score,
        Origin = link.Origin,
    };

    /// <param name="document">A stored <see cref="ArticleDocument.Parts"/> (or <see cref="ArticleDocument.Full"/>, whose body and reasons are skipped unread).</param>
    /// <param name="links">The stored <see cref="ArticleLinksDocument.PartsLinks"/> (or <see cref="ArticleLinksDocument.Links"/>) when the document is a frame: its links.</param>
    public static StoredArticleParts Parse(byte[] document, byte[]? links = null) => StoredPartsReader.Read(document, links);
}
