using System.ComponentModel.DataAnnotations;

namespace NewsMeta.Api.Features.Ingestion;

/// <summary>The <c>Ingestion</c> configuration section.</summary>
public sealed class IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>5 MiB: real pages carry their scripts, styles and inline pictures along with the article.</summary>
    public const int DefaultMaxHtmlPageBytes = 5 * 1024 * 1024;

    /// <summary>Largest HTML page POST /articles/import-page takes (text/html body, or the decoded "html" of the JSON form).</summary>
    [Range(1024, 256 * 1024 * 1024)]
    public int MaxHtmlPageBytes { get; set; } = DefaultMaxHtmlPageBytes;
}
