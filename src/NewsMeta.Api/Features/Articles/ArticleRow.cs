namespace NewsMeta.Api.Features.Articles;

/// <summary>
/// An article's own columns, without its relations: what GraphQL loads first, so that source,
/// credits, keywords, entities and links are fetched by batch loaders only when selected. The body
/// is not among them either (see <see cref="ArticleLoaders.Bodies"/>): most pages never show it, and it
/// is most of an article's bytes (a 20-article page with its links read ~2 MB of bodies for nothing).
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
}
