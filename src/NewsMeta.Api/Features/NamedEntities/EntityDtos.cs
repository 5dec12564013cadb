namespace NewsMeta.Api.Features.NamedEntities;

/// <summary>An entity in a list.</summary>
public sealed class EntitySummaryDto
{
    /// <example>9</example>
    public int Id { get; init; }

    /// <example>يوسف الحداد</example>
    public required string Name { get; init; }

    /// <example>person</example>
    public EntityType Type { get; init; }

    /// <summary>confirmed (catalogue, publisher-given) or discovered (found in the text).</summary>
    /// <example>confirmed</example>
    public EntityStatus Status { get; init; }

    /// <summary>For a discovered entity, how sure discovery is (0–1); null when confirmed.</summary>
    /// <example>null</example>
    public double? Confidence { get; init; }

    /// <summary>Articles mentioning it.</summary>
    /// <example>12</example>
    public int ArticleCount { get; init; }

    /// <summary>In a list filtered by <c>q</c>: the alias that matched, when the entity's name did not (a transliteration, a short form); otherwise null.</summary>
    /// <example>Youssef Haddad</example>
    public string? MatchedAlias { get; set; }
}

/// <summary>One entity with its aliases.</summary>
public sealed class EntityDto
{
    /// <example>9</example>
    public int Id { get; init; }

    /// <example>يوسف الحداد</example>
    public required string Name { get; init; }

    /// <example>person</example>
    public EntityType Type { get; init; }

    /// <summary>confirmed (catalogue, publisher-given) or discovered (found in the text).</summary>
    /// <example>confirmed</example>
    public EntityStatus Status { get; init; }

    /// <summary>For a discovered entity, how sure discovery is (0–1); null when confirmed.</summary>
    /// <example>null</example>
    public double? Confidence { get; init; }

    /// <summary>Other spellings it is known by (short forms, transliterations).</summary>
    /// <example>["الحداد", "Youssef Haddad"]</example>
    public required List<string> Aliases { get; init; }

    /// <example>12</example>
    public int ArticleCount { get; init; }
}

/// <summary>An entity often mentioned together with another, and in how many articles.</summary>
public sealed class RelatedEntityDto
{
    /// <example>14</example>
    public int Id { get; init; }

    /// <example>برلمان زهران</example>
    public required string Name { get; init; }

    /// <example>organization</example>
    public EntityType Type { get; init; }

    /// <summary>Articles mentioning both.</summary>
    /// <example>5</example>
    public int Count { get; init; }
}
