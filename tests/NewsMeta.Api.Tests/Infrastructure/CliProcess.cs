using System.Diagnostics;

namespace NewsMeta.Api.Tests.Infrastructure;

/// <summary>Runs the service's command line (<c>NewsMeta.Api.dll COMMAND …</c>) as a real child process.</summary>
public static class CliProcess
{
    /// <summary>Exit code, and stdout followed by stderr.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var (exit, stdout, stderr) = await RunSplitAsync(args);
        return (exit, stdout + stderr);
    }

    public static Task<(int Exit, string Stdout, string Stderr)> RunSplitAsync(params string[] args) => RunSplitWithEnvironmentAsync([], args);

    public static async Task<(int Exit, string Stdout, string Stderr)> RunSplitWithEnvironmentAsync(Dictionary<string, string> environment, params string[] args)
    {
        using var process = Start(environment, args);
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Starts the command and leaves it running (output redirected; the caller reads or kills it).</summary>
    public static Process Start(params string[] args) => Start([], args);

    private static Process Start(Dictionary<string, string> environment, string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NewsMeta.Api.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }
}
