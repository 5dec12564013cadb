using System.Text.Json.Serialization;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Sources;

namespace NewsMeta.Api.Features.Articles;

/// <summary>A source or agency as it appears inside an article.</summary>
public sealed class SourceRefDto
{
    /// <example>3</example>
    public int Id { get; init; }

    /// <example>صحيفة الشروق اليومية</example>
    public required string Name { get; init; }

    /// <example>newspaper</example>
    public SourceKind Kind { get; init; }
}

/// <summary>A keyword as it appears inside an article: the publisher's, in their order, then any extracted from the text.</summary>
public sealed class KeywordRefDto
{
    /// <example>5</example>
    public int Id { get; init; }

    /// <example>موازنة 2026</example>
    public required string Name { get; init; }

    /// <summary>publisher (given with the article) or extracted (TF-IDF over the text, when the publisher gave fewer than 3).</summary>
    /// <example>publisher</example>
    public Origin Origin { get; init; }
}

/// <summary>An entity mentioned by an article.</summary>
public sealed class ArticleEntityDto
{
    /// <example>9</example>
    public int Id { get; init; }

    /// <example>يوسف الحداد</example>
    public required string Name { get; init; }

    /// <example>person</example>
    public EntityType Type { get; init; }

    /// <summary>How often the text names it.</summary>
    /// <example>4</example>
    public int Mentions { get; init; }

    /// <summary>The alias the text names it by, when that is not the entity's name (a transliteration, a short form); null when the text uses the name.</summary>
    /// <example>Youssef Haddad</example>
    public string? MatchedAlias { get; init; }

    /// <summary>publisher (tagged by the publisher) or extracted (found in the text).</summary>
    /// <example>publisher</example>
    public Origin Origin { get; init; }
}

/// <summary>An outgoing link. <c>targetId</c> is set when the target article is in the store.</summary>
public sealed class ArticleLinkDto
{
    /// <example>readAlso</example>
    public LinkKind Kind { get; init; }

    /// <example>12</example>
    public int? TargetId { get; init; }

    /// <example>ofuq-2026-04-02-central-bank-rates</example>
    public string? TargetExternalId { get; init; }

    /// <summary>The target's title when it is stored, else the title given with the link.</summary>
    /// <example>المصرف المركزي يبقي أسعار الفائدة دون تغيير</example>
    public string? Title { get; init; }

    /// <summary>The target's url when it is stored, else the url given with the link.</summary>
    public string? Url { get; init; }

    /// <summary>Similarity score of computed links; null for publisher links.</summary>
    public double? Score { get; init; }

    /// <summary>Why a computed link was made: the shared entities and keywords whose weights sum to the score, and the text similarity. Null for publisher links.</summary>
    public LinkReasons? Reasons { get; init; }

    /// <example>publisher</example>
    public Origin Origin { get; init; }
}

/// <summary>An article without its body, entities and links: what lists return.</summary>
public class ArticleSummaryDto
{
    /// <example>1</example>
    public int Id { get; init; }

    /// <example>shorouq-2026-03-10-budget-vote</example>
    public required string ExternalId { get; init; }

    /// <example>budget-vote</example>
    public required string Slug { get; init; }

    /// <example>https://shorouq.example/ar/2026/03/10/budget-vote</example>
    public string? Url { get; init; }

    /// <example>البرلمان يقر موازنة 2026 بعد جلسة ماراثونية</example>
    public required string Title { get; init; }

    /// <example>النواب يصادقون على الموازنة بأغلبية مريحة</example>
    public string? Summary { get; init; }

    /// <example>ar</example>
    public required string Language { get; init; }

    /// <example>2026-03-10T08:15:00Z</example>
    public DateTime PublishedAt { get; init; }

    /// <summary>The publisher's last update, if any.</summary>
    public DateTime? UpdatedAt { get; init; }

    /// <summary>When NewsMeta last stored a change to this article (what <c>updatedSince</c> filters on).</summary>
    /// <example>2026-03-10T08:20:00Z</example>
    public DateTime ChangedAt { get; init; }

    public required SourceRefDto Source { get; init; }
    public required List<SourceRefDto> Credits { get; init; }
    public required List<KeywordRefDto> Keywords { get; init; }

    /// <summary>The publisher's subtitle (standfirst).</summary>
    /// <example>النواب يصادقون على الموازنة بأغلبية مريحة بعد نقاش استمر اثنتي عشرة ساعة</example>
    public string? Subtitle { get; init; }

    /// <summary>Authors, editors, photographers…, in the publisher's order.</summary>
    public List<BylineDto> Bylines { get; init; } = [];

    /// <summary>The lead image (the article's first image), or null.</summary>
    public MediaDto? Image { get; init; }
}

/// <summary>The full article.</summary>
public sealed class ArticleDto : ArticleSummaryDto
{
    /// <summary>Plain text; paragraphs separated by a blank line.</summary>
    [JsonPropertyOrder(1)]
    public required string Body { get; init; }

    [JsonPropertyOrder(2)]
    public required List<ArticleEntityDto> Entities { get; init; }

    [JsonPropertyOrder(3)]
    public required List<ArticleLinkDto> Links { get; init; }

    /// <summary>Pictures, video and audio in the publisher's order; the first image is <c>image</c>.</summary>
    [JsonPropertyOrder(4)]
    public List<MediaDto> Media { get; init; } = [];

    /// <summary>The sections the publisher gave, most specific level each.</summary>
    [JsonPropertyOrder(5)]
    public List<SectionRefDto> Sections { get; init; } = [];

    /// <summary>Words of title, subtitle and body by Arabic rules: clitics are part of their word; tatweel and diacritics are not letters.</summary>
    /// <example>612</example>
    [JsonPropertyOrder(6)]
    public int WordCount { get; init; }

    /// <summary>Minutes to read it, rounded up: 140 words a minute for Arabic, 230 for other languages.</summary>
    /// <example>5</example>
    [JsonPropertyOrder(7)]
    public int ReadingTimeMinutes { get; init; }

    /// <summary>
    /// Until this moment the article is visible only with the write scope (so only such callers ever see a
    /// value in the future); null when the publisher set no embargo.
    /// </summary>
    /// <example>null</example>
    [JsonPropertyOrder(8)]
    public DateTime? EmbargoUntil { get; init; }
}
