using System.ComponentModel.DataAnnotations;

namespace NewsMeta.Api.Common.WarmUp;

/// <summary>The <c>WarmUp</c> configuration section: what a starting instance does before it reports ready.</summary>
public sealed class WarmUpOptions
{
    public const string Section = "WarmUp";

    /// <summary>Whether a starting instance runs its read paths in-process before /health/ready answers 200.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How many times each read path runs. The runtime recompiles a method with its full optimisations after
    /// 30 calls, in the background: fewer rounds leave that work to the first real requests.
    /// </summary>
    [Range(0, 1000)]
    public int Rounds { get; set; } = 40;

    /// <summary>How many warm-up requests run at once (the pooled database connections they open stay open).</summary>
    [Range(1, 32)]
    public int Concurrency { get; set; } = 8;

    /// <summary>The longest the rounds may take; what is left undone then is left to real requests.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The longest wait, after the rounds, for the runtime to finish recompiling the methods they made hot.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:02:00")]
    public TimeSpan MaxSettle { get; set; } = TimeSpan.FromSeconds(15);
}
