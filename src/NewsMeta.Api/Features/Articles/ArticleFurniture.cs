using NewsMeta.Api.Features.NamedEntities;

namespace NewsMeta.Api.Features.Articles;

/// <summary>What a byline credits the person with.</summary>
public enum BylineRole
{
    Author,
    Editor,
    Photographer,
    Translator,
    Correspondent,
    Other,
}

/// <summary>The kind of a media item.</summary>
public enum MediaKind
{
    Image,
    Video,
    Audio,
}

/// <summary>A person the article names as its author, editor, photographer…: the name as given, and the person entity it matched.</summary>
public class ArticleByline
{
    public int ArticleId { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }
    public BylineRole Role { get; set; }

    /// <summary>The person entity; null only after that entity was removed from the catalogue.</summary>
    public int? EntityId { get; set; }
    public NamedEntity? Entity { get; set; }

    /// <summary>
    /// The person's first byline on this article (one can sign as author and photographer): a person's
    /// article list takes these rows only, so it lists each article once without a DISTINCT or subquery.
    /// </summary>
    public bool IsFirstOfPerson { get; set; }

    /// <summary>Lets queries walk from a person to the articles they signed (Entity.bylineArticles).</summary>
    public Article Article { get; set; } = null!;
}

/// <summary>A picture, video or audio item of an article, in the publisher's order; the first image is the lead image.</summary>
public class ArticleMedia
{
    public int ArticleId { get; set; }
    public int Position { get; set; }
    public MediaKind Kind { get; set; }
    public required string Url { get; set; }
    public string? Caption { get; set; }
    public string? Credit { get; set; }
    public string? AltText { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    public string? MimeType { get; set; }

    /// <summary>The article's first image: set when written, so a summary finds it with an indexed equality.</summary>
    public bool IsLead { get; set; }
}
