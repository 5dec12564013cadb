using System.Diagnostics;

namespace NewsMeta.Api.Common;

/// <summary>
/// Progress of a long job as log lines, at most one every <see cref="Every"/>: how far, how fast, and how long
/// it will take still. For logs and CI output, where a redrawn bar would only leave <c>\r</c> noise.
/// </summary>
public sealed class ProgressLog(ILogger log, string job, string unit)
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(5);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _next = Every;

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <param name="done">Work done, in the unit of <paramref name="total"/> (bytes of a file, articles).</param>
    /// <param name="total">All the work.</param>
    /// <param name="items">Items done so far (lines, articles), for the rate.</param>
    public void Report(long done, long total, long items)
    {
        var elapsed = _clock.Elapsed;
        if (elapsed < _next && done < total)
        {
            return;
        }

        _next = elapsed + Every;
        var fraction = total <= 0 ? 1 : Math.Clamp((double)done / total, 0, 1);
        var rate = items / Math.Max(elapsed.TotalSeconds, 0.001);
        var left = fraction > 0 ? TimeSpan.FromSeconds(elapsed.TotalSeconds * (1 - fraction) / fraction) : (TimeSpan?)null;
        log.LogInformation("{Job}: {Percent:P0} done, {Items:N0} {Unit} at {Rate:N0}/s, {Left} left",
            job, fraction, items, unit, rate, left is { } l ? $"about {Math.Ceiling(l.TotalSeconds):N0} s" : "unknown time");
    }
}
