using NewsMeta.Api.Features.Keywords;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Sources;

namespace NewsMeta.Api.Features.Articles;

/// <summary>A news article as stored; the aggregate written only through <see cref="ArticleWriter"/>.</summary>
public class Article
{
    public int Id { get; set; }
    public required string ExternalId { get; set; }
    public string? Url { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }

    /// <summary>
    /// The title in <see cref="NewsMeta.Text.ArabicNormalizer"/> form, for exact title lookups (page imports
    /// link and split by title). Null only on rows written before it existed, until start-up fills it.
    /// </summary>
    public string? NormalizedTitle { get; set; }

    /// <summary>What <see cref="NormalizedTitle"/> holds for a title: normalised, and cut to the column's 500
    /// characters (NFKC can lengthen a title; a cut key still compares equal for the same title).</summary>
    public static string TitleKey(string title)
    {
        var key = NewsMeta.Text.ArabicNormalizer.Normalize(title);
        return key.Length <= 500 ? key : key[..500];
    }
    public string? Summary { get; set; }

    /// <summary>The publisher's subtitle (standfirst), cleaned like the title.</summary>
    public string? Subtitle { get; set; }
    public required string Body { get; set; }

    /// <summary>Words of the title, subtitle and body by Arabic rules (<see cref="NewsMeta.Text.WordCount"/>), counted when written.</summary>
    public int WordCount { get; set; }

    /// <summary>Minutes to read <see cref="WordCount"/> words at the language's rate, rounded up.</summary>
    public int ReadingTimeMinutes { get; set; }
    public required string Language { get; set; }
    public DateTime PublishedAt { get; set; }

    /// <summary>The publisher's own "updated" time, as given.</summary>
    public DateTime? UpdatedAt { get; set; }

    /// <summary>When this store last changed the article: drives updatedSince and export order.</summary>
    public DateTime ChangedAt { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>The publisher's embargo, as given (kept after it lifts).</summary>
    public DateTime? EmbargoUntil { get; set; }

    /// <summary>
    /// The version readers first saw, and were told of as <c>created</c>: 1 for an article stored without
    /// an embargo; the version at the lift for an embargoed one; null while it is under embargo, visible
    /// only with the write scope (<see cref="ArticleVisibility"/>).
    /// </summary>
    public int? ReleasedVersion { get; set; }

    /// <summary>True while readers must not see it (see <see cref="ReleasedVersion"/>).</summary>
    public bool IsEmbargoed => ReleasedVersion is null;

    /// <summary>Concurrency token, bumped on every write.</summary>
    public int Version { get; set; }

    /// <summary>
    /// The highest entity row id of the catalogue its mentions were last matched with: an entity added
    /// later can change them, one added before cannot (<see cref="NamedEntities.CatalogueChangeRelinker"/>).
    /// </summary>
    public int LinkedThroughEntityId { get; set; }

    /// <summary>The same for alias rows.</summary>
    public int LinkedThroughAliasId { get; set; }

    /// <summary>Hash of the last accepted record, so re-importing the same record changes nothing.</summary>
    public required string ContentHash { get; set; }

    public int SourceId { get; set; }
    public Source Source { get; set; } = null!;
    public List<ArticleCredit> Credits { get; set; } = [];
    public List<ArticleKeyword> Keywords { get; set; } = [];
    public List<ArticleEntity> Entities { get; set; } = [];
    public List<ArticleLink> Links { get; set; } = [];
    public List<ArticleByline> Bylines { get; set; } = [];
    public List<ArticleMedia> Media { get; set; } = [];
    public List<Sections.ArticleSection> Sections { get; set; } = [];
}

/// <summary>Upstream attribution (e.g. the agency a newspaper took the story from), outermost first.</summary>
public class ArticleCredit
{
    public int ArticleId { get; set; }
    public int Position { get; set; }
    public int SourceId { get; set; }
    public Source Source { get; set; } = null!;

    /// <summary>Lets queries walk from a credited agency to its articles (credited-articles connections).</summary>
    public Article Article { get; set; } = null!;
}

/// <summary>Who put a keyword, mention or link on an article.</summary>
public enum Origin
{
    Publisher,
    Extracted,
    Computed,
}

public class ArticleKeyword
{
    public int ArticleId { get; set; }
    public int KeywordId { get; set; }
    public int Position { get; set; }
    public Origin Origin { get; set; }

    /// <summary>The article's publishedAt, kept here so a keyword's newest articles are read from this table's index alone.</summary>
    public DateTime PublishedAt { get; set; }

    public Keyword Keyword { get; set; } = null!;

    /// <summary>Lets queries walk from a keyword to its articles (nested GraphQL connections).</summary>
    public Article Article { get; set; } = null!;
}

public class ArticleEntity
{
    public int ArticleId { get; set; }
    public int EntityId { get; set; }
    public int Position { get; set; }

    /// <summary>How often the entity is mentioned in the text (0 when the publisher tagged it but the text never names it).</summary>
    public int Mentions { get; set; }

    /// <summary>The entity's alias the text names it by (mostly), when that is not its name: a transliteration or short form.</summary>
    public string? MatchedAlias { get; set; }

    public Origin Origin { get; set; }

    /// <summary>The article's publishedAt, kept here so an entity's newest articles are read from this table's index alone.</summary>
    public DateTime PublishedAt { get; set; }

    public NamedEntity Entity { get; set; } = null!;

    /// <summary>Lets queries walk from an entity to its articles (nested GraphQL connections).</summary>
    public Article Article { get; set; } = null!;
}
