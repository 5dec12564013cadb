using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using NewsMeta.Api.Common;

namespace NewsMeta.Api.Cli;

/// <summary>
/// Sums the write pipeline's step times (<c>newsmeta.write.step.duration</c>) while a command runs, so the
/// import can say where its time went per article without an OpenTelemetry collector.
/// </summary>
internal sealed class StepTimes : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, double> _seconds = new();

    public StepTimes()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == NewsMetaMetrics.MeterName && instrument.Name == "newsmeta.write.step.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "newsmeta.write.step" && tag.Value is string step)
                {
                    _seconds.AddOrUpdate(step, seconds, (_, sum) => sum + seconds);
                }
            }
        });
        _listener.Start();
    }

    /// <summary>One line per step that ran, in milliseconds per article, largest first.</summary>
    public IEnumerable<string> PerArticle(long articles) =>
        _seconds.OrderByDescending(s => s.Value)
            .Select(s => $"  {s.Key,-20} {s.Value * 1000 / Math.Max(articles, 1),8:F3} ms/article");

    public void Dispose() => _listener.Dispose();
}
