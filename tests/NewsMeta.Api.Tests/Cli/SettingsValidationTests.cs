using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Cli;

/// <summary>A wrong setting stops the start, names its key and the allowed values, and touches no database.</summary>
public sealed class SettingsValidationTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsmeta-cli-tests", Guid.NewGuid().ToString("N"));

    public SettingsValidationTests() => Directory.CreateDirectory(_folder);

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

    [Theory]
    [InlineData("GraphQL:MaxDepth", "-3", "GraphQL:MaxDepth must be between 1 and 100 (was -3).")]
    [InlineData("RateLimit:KeyPermitsPerMinute", "0", "RateLimit:KeyPermitsPerMinute must be between 1 and 10000000 (was 0).")]
    [InlineData("Database:SqliteBusyTimeoutMs", "-1", "Database:SqliteBusyTimeoutMs must be between 0 and 600000 (was -1).")]
    [InlineData("Auth:KeyCacheSeconds", "-5", "Auth:KeyCacheSeconds must be between 0 and 3600 (was -5).")]
    [InlineData("Security:HstsMaxAgeDays", "100000", "Security:HstsMaxAgeDays must be between 0 and 3650 (was 100000).")]
    [InlineData("Security:AllowedOrigins:0", "news.example", "Security:AllowedOrigins:0 must be an origin such as https://news.example (was news.example).")]
    [InlineData("Webhooks:MaxAttempts", "0", "Webhooks:MaxAttempts must be between 1 and 100 (was 0).")]
    [InlineData("Changes:TombstoneDays", "-1", "Changes:TombstoneDays must be between 0 and 3650 (was -1).")]
    [InlineData("Writes:MaxBatch", "0", "Writes:MaxBatch must be between 1 and 1000 (was 0).")]
    [InlineData("Caching:ResponseSeconds", "0", "Caching:ResponseSeconds must be between 1 and 86400 (was 0).")]
    [InlineData("Limits:MaxRequestBodyBytes", "10", "Limits:MaxRequestBodyBytes must be between 1024 and 4294967296 (was 10).")]
    [InlineData("Enrichment:RelinkIntervalSeconds", "-1", "Enrichment:RelinkIntervalSeconds must be between 0 and 86400 (was -1).")]
    [InlineData("Hosting:ShutdownTimeout", "01:00:00", "Hosting:ShutdownTimeout must be between 00:00:00 and 00:10:00 (was 01:00:00).")]
    public async Task A_wrong_setting_stops_the_server_naming_the_key_and_the_range(string key, string value, string message)
    {
        var database = Path.Combine(_folder, "never.db");

        var (exit, _, stderr) = await CliProcess.RunSplitAsync($"--{key}={value}", $"--ConnectionStrings:NewsMeta=Data Source={database}", "--urls", "http://127.0.0.1:5209");

        Assert.Equal(1, exit);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(database));
    }

    [Fact]
    public async Task Two_configured_keys_with_one_name_stop_the_server()
    {
        var database = Path.Combine(_folder, "never.db");

        var (exit, _, stderr) = await CliProcess.RunSplitAsync(
            "--Auth:ApiKeys:7:Name=twin", "--Auth:ApiKeys:7:Key=first-twin-key", "--Auth:ApiKeys:8:Name=twin", "--Auth:ApiKeys:8:Key=second-twin-key",
            $"--ConnectionStrings:NewsMeta=Data Source={database}", "--urls", "http://127.0.0.1:5300");

        Assert.Equal(1, exit);
        Assert.Contains("Name 'twin' is also the name of an earlier configured key; names are unique.", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(database));
    }

    [Fact]
    public async Task Settings_given_as_environment_variables_are_checked_as_well_and_every_failure_is_listed()
    {
        var database = Path.Combine(_folder, "never.db");
        var process = CliProcess.Start("migrate", $"--ConnectionStrings:NewsMeta=Data Source={database}");
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, process.ExitCode); // the same command with valid settings works

        var (exit, _, stderr) = await CliProcess.RunSplitWithEnvironmentAsync(
            new() { ["GraphQL__MaxDepth"] = "-3", ["RateLimit__KeyPermitsPerMinute"] = "0" },
            "migrate", $"--ConnectionStrings:NewsMeta=Data Source={Path.Combine(_folder, "other.db")}");

        Assert.Equal(1, exit);
        Assert.Contains("GraphQL:MaxDepth must be between 1 and 100 (was -3).", stderr, StringComparison.Ordinal);
        Assert.Contains("RateLimit:KeyPermitsPerMinute must be between 1 and 10000000 (was 0).", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_folder, "other.db")));
    }
}
