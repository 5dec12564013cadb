namespace NewsMeta.Api.Features.Keywords;

/// <summary>A tag; unique by normalised name, shown in the first surface form seen.</summary>
public class Keyword : NewsMeta.Api.Common.Paging.ICountedRow
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string NormalizedName { get; set; }

    /// <summary>Articles tagged with it (kept by the writer).</summary>
    public int ArticleCount { get; set; }
}
