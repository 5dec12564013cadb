namespace NewsMeta.Api.Features.NamedEntities;

/// <summary>The type of a named entity.</summary>
public enum EntityType
{
    Person,
    Organization,
    Location,
    Event,
    Other,
}

/// <summary>A person, organisation, place or event. Called NamedEntity because "Entity" is EF's word.</summary>
public class NamedEntity : NewsMeta.Api.Common.Paging.ICountedRow
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string NormalizedName { get; set; }
    public EntityType Type { get; set; }

    /// <summary>Articles mentioning it (kept by the writer).</summary>
    public int ArticleCount { get; set; }

    public List<EntityAlias> Aliases { get; set; } = [];
}

/// <summary>Another spelling of an entity's name (short form, transliteration).</summary>
public class EntityAlias
{
    public int Id { get; set; }
    public int EntityId { get; set; }
    public required string Name { get; set; }
    public required string NormalizedName { get; set; }
}
