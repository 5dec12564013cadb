using System.ComponentModel.DataAnnotations;

namespace NewsMeta.Api.Features.Changes;

/// <summary>The <c>Changes</c> configuration section.</summary>
public sealed class ChangeFeedOptions
{
    public const string Section = "Changes";

    /// <summary>How long deletions stay in the feed; a token older than this is 410 (re-sync from the export).</summary>
    [Range(0, 3650)]
    public int TombstoneDays { get; set; } = 30;

    /// <summary>
    /// The feed serves changes at least this old. PostgreSQL writers run concurrently and stamp a change
    /// before they commit, so a change stamped earlier can become visible later; waiting this long (more
    /// than any write transaction takes) means a poller never steps past one. SQLite writes one at a time,
    /// in stamp order, and needs no wait. Null: 5 s on PostgreSQL, 0 on SQLite.
    /// </summary>
    [Range(0.0, 600.0)]
    public double? SettleSeconds { get; set; }
}
