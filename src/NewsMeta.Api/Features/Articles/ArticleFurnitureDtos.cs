using System.Text.Json.Serialization;

namespace NewsMeta.Api.Features.Articles;

/// <summary>A byline: the name as given, its role, and the person entity it matched.</summary>
public sealed class BylineDto
{
    /// <example>سلمى الرفاعي</example>
    public required string Name { get; init; }

    /// <example>author</example>
    public BylineRole Role { get; init; }

    /// <summary>The person entity (GET /entities/{id}); null only when that entity was removed.</summary>
    /// <example>31</example>
    public int? EntityId { get; init; }
}

/// <summary>A picture, video or audio item. Sizes are pixels; null when the publisher gave none.</summary>
public sealed class MediaDto
{
    /// <example>image</example>
    public MediaKind Kind { get; init; }

    /// <example>https://shorouq.example/media/2026/03/parliament-vote.jpg</example>
    public required string Url { get; init; }

    /// <example>النواب خلال التصويت على الموازنة</example>
    public string? Caption { get; init; }

    /// <example>خالد يوسف</example>
    public string? Credit { get; init; }

    /// <example>قاعة البرلمان ممتلئة بالنواب رافعين أيديهم</example>
    public string? AltText { get; init; }

    /// <example>1200</example>
    public int? Width { get; init; }

    /// <example>800</example>
    public int? Height { get; init; }

    /// <example>image/jpeg</example>
    public string? MimeType { get; init; }
}

/// <summary>A section the publisher put the article in (GET /sections/{id}).</summary>
public sealed class SectionRefDto
{
    /// <example>4</example>
    public int Id { get; init; }

    /// <example>البرلمان</example>
    public required string Name { get; init; }

    /// <summary>The names from the top section down, <c>/</c> between them.</summary>
    /// <example>سياسة/البرلمان</example>
    public required string Path { get; init; }
}
