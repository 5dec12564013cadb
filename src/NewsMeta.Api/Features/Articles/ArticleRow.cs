using NewsMeta.Api.Features.Articles.ReadModel;

namespace NewsMeta.Api.Features.Articles;

/// <summary>
/// An article's own columns, without its relations: what GraphQL loads first, so that source,
/// credits, keywords, entities and links are fetched by batch loaders only when selected. The body
/// is not among them either (see <see cref="ArticleLoaders.Bodies"/>): most pages never show it, and it
/// is most of an article's bytes (a 20-article page with its links read ~2 MB of bodies for nothing).
/// <para>
/// Rows read with <see cref="StoredArticleRows.WithDocument"/> also carry the article's stored relations, read
/// in the same statement: the node's relations are then answered from them without a loader
/// (<see cref="StoredArticleFields"/>).
/// </para>
/// </summary>
public sealed class ArticleRow
{
    public int Id { get; init; }
    public required string ExternalId { get; init; }
    public required string Slug { get; init; }
    public string? Url { get; init; }
    public required string Title { get; init; }
    public string? Summary { get; init; }
    public required string Language { get; init; }
    public DateTime PublishedAt { get; init; }
    public DateTime? UpdatedAt { get; init; }
    public DateTime ChangedAt { get; init; }
    public int SourceId { get; init; }
    public string? Subtitle { get; init; }
    public int WordCount { get; init; }
    public int ReadingTimeMinutes { get; init; }
    public DateTime? EmbargoUntil { get; init; }

    /// <summary>
    /// The stored relations (<see cref="ArticleDocument.Parts"/>) when the query that read the row read them
    /// too; null when it did not, or when the document is not rendered yet.
    /// </summary>
    public byte[]? Document { get; init; }

    /// <summary>
    /// The stored links (<see cref="ArticleLinksDocument.PartsLinks"/>) read with <see cref="Document"/>: when there are
    /// any, the document is a frame and these are its links.
    /// </summary>
    public byte[]? StoredLinks { get; init; }

    private StoredArticleParts? _parts;

    /// <summary>
    /// The relations in <see cref="Document"/> (and <see cref="StoredLinks"/>), parsed once per row when first asked
    /// for, its links without their reasons; null without a document.
    /// </summary>
    public StoredArticleParts? StoredParts => Document is null ? null : _parts ??= StoredArticleParts.Parse(Document, StoredLinks);
}
