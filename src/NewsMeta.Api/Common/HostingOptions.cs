using System.ComponentModel.DataAnnotations;

namespace NewsMeta.Api.Common;

/// <summary>The <c>Hosting</c> configuration section.</summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";

    /// <summary>Graceful shutdown: how long in-flight requests may take to finish after SIGTERM.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
