using System.Text.RegularExpressions;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Security;

/// <summary>
/// What the container image and the compose file give an attacker who reads them. No Docker engine runs in CI, so
/// the files are read as text: the Development keys stay out of the image, the process cannot rewrite its own
/// application files, and no password is written into the repository.
/// </summary>
public sealed partial class DeploymentFileTests
{
    private static readonly string[] Dockerfile = File.ReadAllLines(Path.Combine(RepoPaths.Root(), "Dockerfile"));

    private static IEnumerable<string> RuntimeStage =>
        Dockerfile.SkipWhile(line => !line.StartsWith("FROM ", StringComparison.Ordinal) || !line.Contains(" AS runtime", StringComparison.Ordinal));

    [Fact]
    public void The_image_leaves_out_the_development_settings_with_their_keys()
    {
        var publish = string.Join('\n', Dockerfile.SkipWhile(line => !line.Contains("dotnet publish", StringComparison.Ordinal)).Take(2));
        Assert.Contains("rm /app/appsettings.Development.json", publish, StringComparison.Ordinal);
        // The published output still has the file: local runs and the benchmark read it.
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root(), "src", "NewsMeta.Api", "appsettings.Development.json")));
    }

    [Fact]
    public void The_runtime_is_chiseled_runs_as_the_app_user_and_does_not_own_its_application_files()
    {
        var runtime = RuntimeStage.ToList();
        Assert.Matches("^FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra AS runtime$", runtime[0]);
        Assert.Contains("USER $APP_UID", runtime);
        var appCopy = Assert.Single(runtime, line => line.StartsWith("COPY --from=build", StringComparison.Ordinal) && line.EndsWith(" ./", StringComparison.Ordinal));
        Assert.DoesNotContain("--chown", appCopy, StringComparison.Ordinal);
        // A chiseled image has no shell: a RUN step there could not work.
        Assert.DoesNotContain(runtime, line => line.StartsWith("RUN ", StringComparison.Ordinal));
        Assert.Contains(runtime, line => line.StartsWith("HEALTHCHECK ", StringComparison.Ordinal) && line.Contains("\"health\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Compose_takes_every_password_from_the_environment()
    {
        // Comments may show the variables being set; only the settings count.
        var compose = string.Join('\n', File.ReadAllLines(Path.Combine(RepoPaths.Root(), "compose.yaml"))
            .Where(line => !line.TrimStart().StartsWith('#')));
        foreach (Match setting in PasswordSetting().Matches(compose))
        {
            Assert.StartsWith("${", setting.Groups["value"].Value, StringComparison.Ordinal);
        }

        Assert.Equal(3, PasswordSetting().Matches(compose).Count(m => m.Groups["value"].Value.StartsWith("${NEWSMETA_DB_PASSWORD:?", StringComparison.Ordinal)));
        Assert.Contains("--requirepass", compose, StringComparison.Ordinal);
        Assert.Contains("redis:6379,password=${NEWSMETA_REDIS_PASSWORD:?", compose, StringComparison.Ordinal);
    }

    // Password=… in a connection string, POSTGRES_PASSWORD: …, --requirepass …: the value that follows.
    [GeneratedRegex("""(?:Password=|PASSWORD: |"--requirepass", ")(?<value>[^;\s"]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordSetting();
}
