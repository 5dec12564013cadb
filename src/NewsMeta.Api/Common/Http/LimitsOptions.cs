using System.ComponentModel.DataAnnotations;

namespace NewsMeta.Api.Common.Http;

/// <summary>The <c>Limits</c> configuration section.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Largest request body of an endpoint that declares no limit of its own (see <see cref="RequestBodyLimit"/>).</summary>
    [Range(1024L, 1L << 32)]
    public long MaxRequestBodyBytes { get; set; } = RequestBodyLimit.DefaultMaxBytes;
}
