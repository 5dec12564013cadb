using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Security;

/// <summary><c>keys create / list / revoke</c> as a real child process, the way an operator runs them.</summary>
public sealed class KeyCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsmeta-cli-tests", Guid.NewGuid().ToString("N"));

    public KeyCommandTests() => Directory.CreateDirectory(_folder);

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
    public async Task Create_prints_the_key_once_list_never_shows_it_and_revoke_marks_it()
    {
        var database = $"--ConnectionStrings:NewsMeta=Data Source={Path.Combine(_folder, "keys.db")}";
        var (exit, key, notice) = await CliProcess.RunSplitAsync("keys", "create", "--name", "mirror-partner", "--scopes", "read,write", database);
        Assert.Equal(0, exit);
        key = key.Trim();
        Assert.StartsWith("nm_", key, StringComparison.Ordinal);
        Assert.Contains("shown once", notice, StringComparison.Ordinal);

        var (listExit, list) = await CliProcess.RunAsync("keys", "list", database);
        Assert.Equal(0, listExit);
        Assert.Contains("mirror-partner", list, StringComparison.Ordinal);
        Assert.Contains("read write", list, StringComparison.Ordinal);
        Assert.DoesNotContain(key, list, StringComparison.Ordinal);

        var (dupExit, dup) = await CliProcess.RunAsync("keys", "create", "--name=mirror-partner", "--scopes=read", database);
        Assert.Equal(2, dupExit);
        Assert.Contains("already exists", dup, StringComparison.Ordinal);

        Assert.Equal(0, (await CliProcess.RunAsync("keys", "revoke", "--name", "mirror-partner", database)).Exit);
        Assert.Contains("revoked", (await CliProcess.RunAsync("keys", "list", database)).Output, StringComparison.Ordinal);
        Assert.Equal(2, (await CliProcess.RunAsync("keys", "revoke", "--name", "mirror-partner", database)).Exit);
        Assert.Equal(2, (await CliProcess.RunAsync("keys", "create", "--name", "x", "--scopes", "superuser", database)).Exit);
    }

    [Fact]
    public async Task Create_refuses_the_name_of_a_configured_key()
    {
        var database = $"--ConnectionStrings:NewsMeta=Data Source={Path.Combine(_folder, "configured.db")}";
        string[] configured = ["--Auth:ApiKeys:7:Name=configured partner", "--Auth:ApiKeys:7:Key=configured-partner-key", "--Auth:ApiKeys:7:Scopes:0=read"];

        var (exit, key, notice) = await CliProcess.RunSplitAsync(["keys", "create", "--name", "configured partner", "--scopes", "read,write", database, .. configured]);

        Assert.Equal(2, exit);
        Assert.Empty(key.Trim());
        Assert.Contains("a key named 'configured partner' already exists, configured (Auth:ApiKeys)", notice, StringComparison.Ordinal);
        Assert.DoesNotContain("configured partner", (await CliProcess.RunAsync("keys", "list", database)).Output, StringComparison.Ordinal);
    }
}
