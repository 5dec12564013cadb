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

/// <summary>Whether an entity is part of the curated catalogue or was found in article text without it.</summary>
public enum EntityStatus
{
    /// <summary>Catalogue entries and names a publisher gave.</summary>
    Confirmed,

    /// <summary>Found in the text by discovery; an editor can confirm, rename, merge or delete it.</summary>
    Discovered,
}

/// <summary>A person, organisation, place or event. Called NamedEntity because "Entity" is EF's word.</summary>
public class NamedEntity : NewsMeta.Api.Common.Paging.ICountedRow
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string NormalizedName { get; set; }
    public EntityType Type { get; set; }

    public EntityStatus Status { get; set; }

    /// <summary>How sure discovery is that this is a name of this type (0–1); null once confirmed.</summary>
    public double? Confidence { get; set; }

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
