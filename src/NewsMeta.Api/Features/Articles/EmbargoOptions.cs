using System.ComponentModel.DataAnnotations;

namespace NewsMeta.Api.Features.Articles;

/// <summary>Settings of <see cref="EmbargoReleaseJob"/> (section <c>Embargo</c>).</summary>
public sealed class EmbargoOptions
{
    public const string Section = "Embargo";

    /// <summary>
    /// How often each instance looks for passed embargoes, in milliseconds; 0 turns the job off. The default
    /// keeps a release within a second of its embargo.
    /// </summary>
    [Range(0, 60_000)]
    public int ReleaseIntervalMilliseconds { get; set; } = 500;

    /// <summary>Articles released per transaction.</summary>
    [Range(1, 10_000)]
    public int ReleaseBatchSize { get; set; } = 100;
}
