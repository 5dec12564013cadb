using System.Diagnostics;
using NewsMeta.Api.Common;
using Spectre.Console;

namespace NewsMeta.Api.Cli;

/// <summary>
/// Progress of a long command. On a terminal: a live bar on stderr (stdout keeps only the summary). When stderr
/// is redirected (CI, a file): no bar and no <c>\r</c> redraws, but a log line every few seconds with the rate
/// and the time left (<see cref="ProgressLog"/>).
/// </summary>
internal static class CommandProgress
{
    /// <summary>The log category of the commands' own lines.</summary>
    public static ILogger Log(IServiceProvider services) => services.GetRequiredService<ILoggerFactory>().CreateLogger("NewsMeta.Api.Cli");

    /// <param name="log">Where the lines go when stderr is not a terminal.</param>
    /// <param name="job">What is done, e.g. "Import".</param>
    /// <param name="unit">What is counted, e.g. "lines".</param>
    /// <param name="work">The work; it reports (done, total, items) as it goes.</param>
    public static async Task<T> RunAsync<T>(ILogger log, string job, string unit, Func<Action<long, long, long>, Task<T>> work)
    {
        if (Console.IsErrorRedirected)
        {
            return await work(new ProgressLog(log, job, unit).Report);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(job), maxValue: 1);
                var clock = Stopwatch.StartNew();
                var result = await work((done, total, items) =>
                {
                    task.MaxValue = Math.Max(total, 1);
                    task.Value = Math.Min(done, task.MaxValue);
                    var rate = items / Math.Max(clock.Elapsed.TotalSeconds, 0.001);
                    task.Description = Markup.Escape($"{job}: {items:N0} {unit}, {rate:N0}/s");
                });
                task.Value = task.MaxValue;
                return result;
            });
    }
}
