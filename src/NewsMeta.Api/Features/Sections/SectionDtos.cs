namespace NewsMeta.Api.Features.Sections;

/// <summary>A section of the store's tree: <c>parentId</c> and <c>path</c> let a client build the tree from the list.</summary>
public sealed class SectionDto
{
    /// <example>4</example>
    public int Id { get; init; }

    /// <summary>This level's name.</summary>
    /// <example>البرلمان</example>
    public required string Name { get; init; }

    /// <summary>The names from the top section down, <c>/</c> between them.</summary>
    /// <example>سياسة/البرلمان</example>
    public required string Path { get; init; }

    /// <summary>The section above; null for a top section.</summary>
    /// <example>3</example>
    public int? ParentId { get; init; }

    /// <summary>Articles in it or in any section below it.</summary>
    /// <example>6</example>
    public int ArticleCount { get; init; }
}
