namespace NewsMeta.Api.Features.Sources;

/// <summary>What kind of outlet a source is.</summary>
public enum SourceKind
{
    Newspaper,
    Agency,
    Site,
    Broadcaster,
    Other,
}

/// <summary>A publisher or an agency it credits; matched by normalised name.</summary>
public class Source : NewsMeta.Api.Common.Paging.ICountedRow
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string NormalizedName { get; set; }
    public SourceKind Kind { get; set; }

    /// <summary>Articles this source published (kept by the writer; sorts the list without a scan).</summary>
    public int ArticleCount { get; set; }
}
