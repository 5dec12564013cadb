using System.Text.Json;
using NewsMeta.Api.Features.NamedEntities;

namespace NewsMeta.Api.Features.Articles;

/// <summary>
/// Why a computed <c>similar</c> link was made. The score is the sum of the shared entities' and
/// keywords' weights (each 1 / (1 + articles carrying it), so rare shared names count more);
/// <see cref="TextSimilarity"/> is shown beside it and does not enter the score. Stored with the link
/// (a JSON column) because it is a snapshot of the moment the link was computed.
/// </summary>
public sealed class LinkReasons
{
    /// <summary>Entities both articles mention, heaviest first.</summary>
    public List<SharedEntityReason> SharedEntities { get; init; } = [];

    /// <summary>Keywords both articles carry, heaviest first.</summary>
    public List<SharedKeywordReason> SharedKeywords { get; init; } = [];

    /// <summary>Cosine similarity (0–1) of the two articles' title and summary word stems.</summary>
    /// <example>0.31</example>
    public double TextSimilarity { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    internal static string ToJson(LinkReasons reasons) => JsonSerializer.Serialize(reasons, Json);

    internal static LinkReasons? FromJson(string json) => JsonSerializer.Deserialize<LinkReasons>(json, Json);
}

/// <summary>An entity two linked articles share, and its weight in the link's score.</summary>
public sealed class SharedEntityReason
{
    /// <example>9</example>
    public int Id { get; init; }

    /// <example>يوسف الحداد</example>
    public required string Name { get; init; }

    /// <example>person</example>
    public EntityType Type { get; init; }

    /// <summary>1 / (1 + articles mentioning it) when the link was computed.</summary>
    /// <example>0.0833</example>
    public double Weight { get; init; }
}

/// <summary>A keyword two linked articles share, and its weight in the link's score.</summary>
public sealed class SharedKeywordReason
{
    /// <example>5</example>
    public int Id { get; init; }

    /// <example>موازنة 2026</example>
    public required string Name { get; init; }

    /// <summary>1 / (1 + articles carrying it) when the link was computed.</summary>
    /// <example>0.05</example>
    public double Weight { get; init; }
}
