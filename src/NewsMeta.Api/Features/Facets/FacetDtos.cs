using NewsMeta.Api.Features.NamedEntities;

namespace NewsMeta.Api.Features.Facets;

/// <summary>A value of a facet and how many matching articles have it.</summary>
public sealed class FacetValueDto
{
    /// <summary>The entity, keyword, source or section id; null for languages and days.</summary>
    /// <example>9</example>
    public int? Id { get; init; }

    /// <example>يوسف الحداد</example>
    public required string Name { get; init; }

    /// <example>12</example>
    public int Count { get; init; }
}

/// <summary>The most frequent entities of one type among the matching articles.</summary>
public sealed class EntityFacetDto
{
    /// <example>person</example>
    public EntityType Type { get; init; }

    public required List<FacetValueDto> Values { get; init; }
}

/// <summary>Counts over the whole matching set (not one page): exact, computed in the database.</summary>
public sealed class FacetsDto
{
    /// <summary>How many articles match.</summary>
    /// <example>240</example>
    public int Total { get; init; }

    /// <summary>Top entities per type (types with none are left out).</summary>
    public required List<EntityFacetDto> Entities { get; init; }

    public required List<FacetValueDto> Keywords { get; init; }

    /// <summary>Publishers.</summary>
    public required List<FacetValueDto> Sources { get; init; }

    /// <summary>Credited agencies.</summary>
    public required List<FacetValueDto> Credits { get; init; }

    /// <summary>People in the bylines (id is the person entity's).</summary>
    public List<FacetValueDto> Bylines { get; init; } = [];

    /// <summary>Sections (name is the section's path); an article in a sub-section counts for the sections above it too.</summary>
    public List<FacetValueDto> Sections { get; init; } = [];

    /// <summary>Language tags (name is the tag).</summary>
    public required List<FacetValueDto> Languages { get; init; }

    /// <summary>Articles published per day (UTC; name is the date, yyyy-MM-dd), oldest first, days with none left out.</summary>
    public required List<FacetValueDto> PublishedPerDay { get; init; }
}
