namespace NewsMeta.Api.Features.Ingestion.Html;

/// <summary>
/// What <see cref="HtmlPageReader"/> found on a whole HTML news page, every text field cleaned like a
/// title (<see cref="NewsMeta.Text.ArticleText"/>). It carries more than <see cref="ArticleRecord"/> does today
/// (subtitle, bylines, media, sections); <see cref="HtmlPageRecord.ToRecord"/> maps what the record has.
/// </summary>
public sealed record HtmlPageArticle
{
    /// <summary>The page's canonical URL (link rel=canonical, else og:url, else the URL it was sent with).</summary>
    public string? CanonicalUrl { get; init; }

    public string? Title { get; init; }

    /// <summary>JSON-LD alternativeHeadline, else the subtitle under the headline.</summary>
    public string? Subtitle { get; init; }

    /// <summary>JSON-LD description, else og:description or meta description.</summary>
    public string? Summary { get; init; }

    /// <summary>UTC, converted from the offset the page gave.</summary>
    public DateTime? PublishedAt { get; init; }

    /// <summary>UTC.</summary>
    public DateTime? UpdatedAt { get; init; }

    /// <summary>The primary language subtag (ar, en…), when the page says.</summary>
    public string? Language { get; init; }

    public string? Publisher { get; init; }

    public IReadOnlyList<HtmlByline> Bylines { get; init; } = [];

    /// <summary>Pictures, video and audio; the first image is the lead picture.</summary>
    public IReadOnlyList<HtmlMedia> Media { get; init; } = [];

    /// <summary>Publisher-given section paths, levels separated by '/'.</summary>
    public IReadOnlyList<string> Sections { get; init; } = [];

    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>The readable body, one entry a paragraph.</summary>
    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>Related-article lists, absolute URLs, in page order, each URL once.</summary>
    public IReadOnlyList<HtmlPageLink> Related { get; init; } = [];

    /// <summary>Inline "read also" links inside the body.</summary>
    public IReadOnlyList<HtmlPageLink> ReadAlso { get; init; } = [];
}

/// <summary>A byline: <c>Role</c> is author, editor, photographer, translator, correspondent or other.</summary>
public sealed record HtmlByline(string Name, string Role);

/// <summary>One picture, video or audio: <c>Kind</c> is image, video or audio; Url absolute http(s).</summary>
public sealed record HtmlMedia(string Kind, string Url, string? Caption, string? Credit, string? AltText, int? Width, int? Height, string? MimeType);

/// <summary>A link the page shows to another article: its title and absolute URL.</summary>
public sealed record HtmlPageLink(string Title, string Url);
