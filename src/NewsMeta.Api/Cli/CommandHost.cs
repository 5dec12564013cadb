using System.CommandLine;
using Microsoft.Extensions.Options;
using NewsMeta.Api.Common.Settings;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Cli;

/// <summary>
/// The service as commands and the server get it: Program's composition (<paramref name="build"/> lists the
/// services, <paramref name="mapEndpoints"/> maps the routes). A command builds it but never starts it: no
/// hosted service (relink, webhooks, group commit) runs, no endpoint is mapped unless the command reads them
/// (openapi), and nothing is seeded.
/// </summary>
/// <param name="build">Builds the application from host arguments.</param>
/// <param name="mapEndpoints">Adds the middleware and maps every endpoint.</param>
/// <param name="settings">Configuration given on the command line (<c>--Section:Key=value</c>).</param>
public sealed class CommandHost(Func<string[], WebApplication> build, Action<WebApplication> mapEndpoints, IReadOnlyList<string> settings)
{
    /// <summary>
    /// The host's two everyday options, declared so that help lists them and <c>--urls URL</c> works with a space too
    /// (its other keys are settings, <see cref="NewsCommandLine.IsSetting"/>).
    /// </summary>
    public IReadOnlyList<Option<string>> HostOptions { get; } =
    [
        new("--environment") { Description = "Hosting environment, e.g. Development (also ASPNETCORE_ENVIRONMENT).", Recursive = true },
        new("--urls") { Description = "Addresses the server listens on, e.g. http://127.0.0.1:5080 (also ASPNETCORE_URLS)." },
    ];

    /// <summary>What the web host is given: the settings and the host options that were set.</summary>
    public string[] HostArgs(ParseResult parse) =>
    [
        .. settings,
        .. HostOptions.Select(o => (o.Name, Value: parse.GetResult(o) is null ? null : parse.GetValue(o)))
            .Where(o => o.Value is not null).Select(o => $"{o.Name}={o.Value}"),
    ];

    /// <summary>The server: checks the settings, prepares the database (migrations, sample corpus), maps the endpoints, runs.</summary>
    public async Task<int> ServeAsync(ParseResult parse)
    {
        var app = build(HostArgs(parse));
        app.Services.ValidateSettings();
        await app.InitializeDatabaseAsync();
        mapEndpoints(app);
        await app.RunAsync();
        return 0;
    }

    /// <summary>The application for a command, settings checked; its logs go to stderr, so stdout carries only the command's output.</summary>
    public WebApplication Build(ParseResult parse)
    {
        var app = build([.. HostArgs(parse), "--Logging:Console:LogToStandardErrorThreshold=Trace"]);
        app.Services.ValidateSettings();
        return app;
    }

    public void MapEndpoints(WebApplication app) => mapEndpoints(app);

    /// <summary>
    /// Runs a command on the database: migrations as <c>Database:MigrateOnStartup</c> says, never the sample corpus.
    /// With migrations off and the schema behind, it stops and says so instead of failing halfway.
    /// </summary>
    public async Task<int> RunOnDatabaseAsync(ParseResult parse, Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken ct)
    {
        await using var app = Build(parse);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var database = services.GetRequiredService<DatabaseInitializer>();
        if (!services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup && await database.PendingMigrationsAsync(ct) is { Count: > 0 } pending)
        {
            await Console.Error.WriteLineAsync($"The database lacks {pending.Count} migrations ({string.Join(", ", pending)}) and Database:MigrateOnStartup is false: run the migrate command first.");
            return 1;
        }

        await database.InitializeAsync(allowSeed: false, ct);
        return await work(services, ct);
    }
}
