using NewsMeta.Api.Cli;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Cli;

/// <summary>The command line as an operator meets it: help, mistakes, migrate's answer, progress in a CI log.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsmeta-cli-tests", Guid.NewGuid().ToString("N"));

    public CommandLineTests() => Directory.CreateDirectory(_folder);

    private string DatabaseFile => Path.Combine(_folder, "cli.db");

    private string Database => $"--ConnectionStrings:NewsMeta=Data Source={DatabaseFile}";

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // left for the temp cleaner
        }
    }

    [Fact]
    public async Task Help_lists_every_command_and_the_settings_rule()
    {
        var commands = NewsCommandLine.CreateRoot(new CommandHost(_ => throw new InvalidOperationException(), _ => { }, [])).Subcommands.Select(c => c.Name).ToList();
        Assert.Contains("import", commands);
        Assert.True(commands.Count >= 9, string.Join(", ", commands));

        var (exit, stdout, _) = await CliProcess.RunSplitAsync("--help");

        Assert.Equal(0, exit);
        foreach (var command in commands)
        {
            Assert.Matches($@"(?m)^\s+{System.Text.RegularExpressions.Regex.Escape(command)}\b", stdout);
        }

        Assert.Contains("--Section:Key=value", stdout, StringComparison.Ordinal);
        Assert.Contains("--urls", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_health_probe_takes_an_address_and_answers_with_an_exit_code()
    {
        // Nothing listens on port 9 here: the probe says so and exits 1, as a container health check expects.
        var (exit, stdout, _) = await CliProcess.RunSplitAsync("health", "http://127.0.0.1:9/health/ready");
        Assert.Equal(1, exit);
        Assert.StartsWith("unreachable http://127.0.0.1:9/health/ready", stdout, StringComparison.Ordinal);

        var (refused, _, stderr) = await CliProcess.RunSplitAsync("health", "not-an-address");
        Assert.Equal(2, refused);
        Assert.Contains("'not-an-address' is not an absolute http(s) address", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_readme_shows_the_help_as_it_is()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root(), "README.md"), TestContext.Current.CancellationToken);
        var block = System.Text.RegularExpressions.Regex.Match(readme, "<!-- cli-help:begin -->\\s*```text\\n(?<help>.*?)```\\s*<!-- cli-help:end -->",
            System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(block.Success, "README.md has no cli-help block");

        var (_, stdout, _) = await CliProcess.RunSplitAsync("--help");

        Assert.Equal(Lines(block.Groups["help"].Value), Lines(stdout));
    }

    private static string[] Lines(string text) => [.. text.ReplaceLineEndings("\n").Trim().Split('\n').Select(l => l.TrimEnd())];

    [Fact]
    public async Task Each_command_has_help_describing_its_options()
    {
        var (exit, stdout, _) = await CliProcess.RunSplitAsync("import-page", "--help");

        Assert.Equal(0, exit);
        foreach (var option in new[] { "--externalId", "--title", "--publishedAt", "--url", "--language" })
        {
            Assert.Contains(option, stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_unknown_command_exits_2_naming_it_and_starts_nothing()
    {
        var (exit, _, stderr) = await CliProcess.RunSplitAsync("improt", "file.ndjson", Database);

        Assert.Equal(2, exit);
        Assert.Contains("'improt'", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(DatabaseFile));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_folder));
    }

    [Theory]
    [InlineData("relink", "--bogus")]
    [InlineData("import", "--bogus", "file.ndjson")]
    [InlineData("--bogus")]
    public async Task An_unknown_option_exits_2_naming_it_and_opens_no_database(params string[] args)
    {
        var (exit, _, stderr) = await CliProcess.RunSplitAsync([.. args, Database]);

        Assert.Equal(2, exit);
        Assert.Contains("'--bogus'", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(DatabaseFile));
    }

    [Fact]
    public async Task Migrate_migrates_when_asked_even_with_migrations_off_and_says_what_it_did()
    {
        var (exit, output) = await CliProcess.RunAsync("migrate", Database, "--Database:MigrateOnStartup=false");
        Assert.Equal(0, exit);
        Assert.Matches(@"Applied \d+ migrations?: \d+_Initial\b", output);

        var (again, second) = await CliProcess.RunAsync("migrate", Database);
        Assert.Equal(0, again);
        Assert.Contains("No pending migrations", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Applied", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_command_with_migrations_off_refuses_an_unmigrated_store()
    {
        var (exit, output) = await CliProcess.RunAsync("relink", Database, "--Database:MigrateOnStartup=false");

        Assert.Equal(1, exit);
        Assert.Contains("Database:MigrateOnStartup is false: run the migrate command first", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_with_stderr_redirected_is_log_lines_with_the_rate_never_a_redrawn_bar()
    {
        var file = Path.Combine(_folder, "articles.ndjson");
        await File.WriteAllLinesAsync(file, TestJson.SampleRecords().Take(3).Select(r => r.ToJsonString()), TestContext.Current.CancellationToken);

        var (exit, stdout, stderr) = await CliProcess.RunSplitAsync("import", file, Database,
            "--Logging:LogLevel:Default=Information", "--Logging:Console:FormatterName=simple");

        Assert.Equal(0, exit);
        Assert.Contains("3 created", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', stderr);
        Assert.DoesNotContain('\r', stdout);
        Assert.Matches(@"Import: .+ done, 3 lines at [\d,.]+/s", stderr);
    }
}
