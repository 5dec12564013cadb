using System.ComponentModel.DataAnnotations;

namespace NewsMeta.Api.Features.NamedEntities;

/// <summary>The <c>Enrichment</c> configuration section.</summary>
public sealed class EnrichmentOptions
{
    public const string Section = "Enrichment";

    /// <summary>How often <see cref="RelinkJob"/> looks for a changed entity catalogue; 0 turns the job off.</summary>
    [Range(0, 86_400)]
    public int RelinkIntervalSeconds { get; set; } = 30;
}
