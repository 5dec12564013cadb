using System.Text.Json.Serialization;

namespace NewsMeta.Api.Features.Ingestion;

/// <summary>
/// One article in the interchange format (shared/formats/articles-ndjson.md): a line of a bulk import,
/// the body of PUT /articles/by-external-id/{externalId}, and a line of the export.
/// Kinds stay strings here so that a wrong value is reported per field, not as a parse failure.
/// </summary>
public sealed class ArticleRecord
{
    /// <summary>The publisher's id; the idempotency key.</summary>
    /// <example>shorouq-2026-03-10-budget-vote</example>
    public string? ExternalId { get; set; }

    /// <summary>Canonical URL (absolute http/https), unique when present.</summary>
    /// <example>https://shorouq.example/ar/2026/03/10/budget-vote</example>
    public string? Url { get; set; }

    /// <example>البرلمان يقر موازنة 2026 بعد جلسة ماراثونية</example>
    public string? Title { get; set; }

    /// <example>النواب يصادقون على الموازنة بأغلبية مريحة</example>
    public string? Summary { get; set; }

    /// <summary>Plain text; paragraphs separated by a blank line.</summary>
    /// <example>أقر برلمان زهران مساء أمس الموازنة العامة ...</example>
    public string? Body { get; set; }

    /// <summary>BCP 47 language tag.</summary>
    /// <example>ar</example>
    public string? Language { get; set; }

    /// <example>2026-03-10T08:15:00Z</example>
    public DateTime? PublishedAt { get; set; }

    /// <summary>The publisher's last update, not before publishedAt.</summary>
    public DateTime? UpdatedAt { get; set; }

    public SourceRecord? Source { get; set; }
    public List<SourceRecord>? Credits { get; set; }
    public List<string>? Keywords { get; set; }
    public List<EntityRecord>? Entities { get; set; }
    public List<LinkRecord>? Links { get; set; }

    // The fields below are optional and left out when absent, so a record written before they existed
    // keeps its content hash (a re-import of it changes nothing) and exports as it came.

    /// <summary>The publisher's subtitle (standfirst).</summary>
    /// <example>النواب يصادقون على الموازنة بأغلبية مريحة بعد نقاش استمر اثنتي عشرة ساعة</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Subtitle { get; set; }

    /// <summary>Who wrote, edited, photographed or translated it; each name is a person entity.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<BylineRecord>? Bylines { get; set; }

    /// <summary>Pictures, video and audio in the publisher's order; the first image is the lead image.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<MediaRecord>? Media { get; set; }

    /// <summary>Section paths, <c>/</c> between levels, e.g. <c>أخبار العالم/الشرق الأوسط</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public List<string>? Sections { get; set; }

    /// <summary>
    /// Until this moment (UTC) the article is visible only to keys with the write scope; when it passes, the
    /// change feed and webhooks announce the article as created.
    /// </summary>
    /// <example>2026-03-11T06:00:00Z</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTime? EmbargoUntil { get; set; }
}

/// <summary>A byline: <c>role</c> is author, editor, photographer, translator, correspondent or other.</summary>
public sealed class BylineRecord
{
    /// <example>سلمى الرفاعي</example>
    public string? Name { get; set; }

    /// <example>author</example>
    public string? Role { get; set; }
}

/// <summary>A media item: <c>kind</c> is image, video or audio; <c>url</c> is absolute http(s).</summary>
public sealed class MediaRecord
{
    /// <example>image</example>
    public string? Kind { get; set; }

    /// <example>https://shorouq.example/media/2026/03/parliament-vote.jpg</example>
    public string? Url { get; set; }

    /// <example>النواب خلال التصويت على الموازنة</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Caption { get; set; }

    /// <example>خالد يوسف</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Credit { get; set; }

    /// <summary>What the picture shows, for readers who cannot see it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? AltText { get; set; }

    /// <summary>Pixels.</summary>
    /// <example>1200</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Width { get; set; }

    /// <summary>Pixels.</summary>
    /// <example>800</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Height { get; set; }

    /// <example>image/jpeg</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? MimeType { get; set; }
}

/// <summary>A publisher or agency: <c>kind</c> is newspaper, agency, site, broadcaster or other.</summary>
public sealed class SourceRecord
{
    /// <example>صحيفة الشروق اليومية</example>
    public string? Name { get; set; }

    /// <example>newspaper</example>
    public string? Kind { get; set; }
}

/// <summary>An entity the publisher tagged: <c>type</c> is person, organization, location, event or other.</summary>
public sealed class EntityRecord
{
    /// <example>يوسف الحداد</example>
    public string? Name { get; set; }

    /// <example>person</example>
    public string? Type { get; set; }

    public List<string>? Aliases { get; set; }
}

/// <summary>A link to another article, by any of externalId, url, title; kind is related, readAlso or similar.</summary>
public sealed class LinkRecord
{
    /// <example>ofuq-2026-04-02-central-bank-rates</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ExternalId { get; set; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Url { get; set; }

    /// <example>المصرف المركزي يبقي أسعار الفائدة دون تغيير</example>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Title { get; set; }

    /// <example>related</example>
    public string? Kind { get; set; }
}
