using NewsMeta.Api.Features.Articles;

namespace NewsMeta.Api.Features.Sections;

/// <summary>
/// A level of a publisher's section path (<c>أخبار العالم/الشرق الأوسط</c> is two sections, the second under the
/// first). One tree per store: levels are matched by the normalised path, so spellings that differ only in
/// hamza, diacritics or tatweel are the same section.
/// </summary>
public class Section
{
    public int Id { get; set; }
    public int? ParentId { get; set; }
    public Section? Parent { get; set; }

    /// <summary>This level's name, as first given.</summary>
    public required string Name { get; set; }

    /// <summary>The names from the root down to this one, <c>/</c> between them.</summary>
    public required string Path { get; set; }

    /// <summary>The normalised names from the root down, <c>/</c> between them: the section's identity.</summary>
    public required string NormalizedPath { get; set; }
}

/// <summary>
/// An article in a section. An article is in the section it was given and in every section above it
/// (<see cref="IsGiven"/> false), so a section's articles, count and filter include its sub-sections with
/// one indexed equality.
/// </summary>
public class ArticleSection
{
    public int ArticleId { get; set; }
    public int SectionId { get; set; }

    /// <summary>The publisher gave this path (not just an ancestor of one).</summary>
    public bool IsGiven { get; set; }

    /// <summary>The given path's place in the article's list; ancestors share their descendant's.</summary>
    public int Position { get; set; }

    public Section Section { get; set; } = null!;
    public Article Article { get; set; } = null!;
}
