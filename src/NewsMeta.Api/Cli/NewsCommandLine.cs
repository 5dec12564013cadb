using System.CommandLine;
using Microsoft.Extensions.Options;

namespace NewsMeta.Api.Cli;

/// <summary>
/// The command line. No arguments start the web server; a command runs instead of it and exits. Anything the
/// parser does not know (a misspelt command, an unknown option, a missing argument) exits 2 with a message
/// naming it, before any database is opened.
/// <para>
/// Settings are configuration, not options: <c>--Section:Key=value</c> (a colon in the name, the value after
/// <c>=</c>), accepted anywhere on the line by the server and by every command, exactly like the environment
/// variable <c>Section__Key=value</c>. The host's own <c>--environment</c>, <c>--urls</c> (server only) are options.
/// </para>
/// </summary>
public static class NewsCommandLine
{
    public const string SettingsHelp =
        "Settings: --Section:Key=value anywhere on the line (or the environment variable Section__Key=value), "
        + "e.g. --Database:Provider=Postgres --ConnectionStrings:NewsMeta=\"Host=…\". See README, Configuration.";

    public static async Task<int> RunAsync(string[] args, Func<string[], WebApplication> build, Action<WebApplication> mapEndpoints)
    {
        var settings = args.Where(IsSetting).ToArray();
        var host = new CommandHost(build, mapEndpoints, settings);
        var parse = CreateRoot(host).Parse(args.Where(a => !IsSetting(a)).ToArray());
        var unknown = UnknownOptions(parse);
        if (unknown.Count > 0 || parse.Errors.Count > 0)
        {
            foreach (var error in unknown.Count > 0 ? unknown : parse.Errors.Select(e => e.Message))
            {
                await Console.Error.WriteLineAsync($"error: {error}");
            }

            await Console.Error.WriteLineAsync("Run with --help for the commands and their options.");
            return 2;
        }

        try
        {
            // Exceptions are not turned into exit codes by the parser (the test host needs to see them), and
            // Ctrl+C / SIGTERM stay with the web host, whose graceful shutdown must not be cut short.
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
        catch (Exception ex) when (SettingsFailures(ex) is { } failures)
        {
            await Console.Error.WriteLineAsync("Invalid settings, nothing was started:");
            foreach (var failure in failures)
            {
                await Console.Error.WriteLineAsync($"  {failure}");
            }

            return 1;
        }
    }

    /// <summary>
    /// The parser takes a word it does not know as an argument when the command has one (<c>import --bogus</c>
    /// would look for a file named --bogus); a word starting with <c>--</c> is never a file or a value here.
    /// </summary>
    private static List<string> UnknownOptions(ParseResult parse) =>
        [.. parse.Tokens.Where(t => t.Type == System.CommandLine.Parsing.TokenType.Argument && t.Value.StartsWith("--", StringComparison.Ordinal))
            .Select(t => $"Unknown option '{t.Value}'.")];

    /// <summary>The failed checks of settings (several sections fail together as an <see cref="AggregateException"/>).</summary>
    private static List<string>? SettingsFailures(Exception ex) => ex switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        AggregateException { InnerExceptions: var inner } when inner.All(e => e is OptionsValidationException) =>
            [.. inner.Cast<OptionsValidationException>().SelectMany(e => e.Failures)],
        _ => null,
    };

    /// <summary>
    /// A configuration setting: <c>--key=value</c> (the <c>=</c> glued) whose key is written as configuration keys
    /// are: capitalised or with a colon (<c>--Database:Provider=Postgres</c>, <c>--AllowedHosts=*</c>), or one of
    /// ASP.NET Core's own host keys (<c>--urls=…</c>, <c>--https_port=443</c>, <c>--contentRoot=…</c>). Options are
    /// lower camel case (<c>--externalId</c>), so a misspelt one is still an error. The test host passes its
    /// settings this way too, section names included (<c>--Database=</c>).
    /// </summary>
    public static bool IsSetting(string arg)
    {
        if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.IndexOf('=', StringComparison.Ordinal) is not (var eq and > 2))
        {
            return false;
        }

        var key = arg[2..eq];
        return char.IsAsciiLetterUpper(key[0]) || key.Contains(':', StringComparison.Ordinal) || HostKeys.Contains(key);
    }

    /// <summary>The keys the web host reads from its configuration (WebHostDefaults, HostDefaults) and the HTTPS redirection's port.</summary>
    private static readonly HashSet<string> HostKeys = new(
        new[] { typeof(Microsoft.AspNetCore.Hosting.WebHostDefaults), typeof(HostDefaults) }
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(f => f.FieldType == typeof(string))
            .Select(f => (string)f.GetValue(null)!)
            .Append("https_port"),
        StringComparer.OrdinalIgnoreCase);

    public static RootCommand CreateRoot(CommandHost host)
    {
        var root = new RootCommand($"NewsMeta: news metadata over REST and GraphQL. Without a command, starts the web server. {SettingsHelp}")
        {
            MigrateCommand.Create(host),
            ImportCommand.Create(host),
            ImportPageCommand.Create(host),
            RelinkCommands.Relink(host),
            RelinkCommands.RecomputeSimilar(host),
            DocumentCommands.Schema(host),
            DocumentCommands.OpenApi(host),
            KeyCommands.Create(host),
            HealthProbe.Create(),
        };
        foreach (var option in host.HostOptions)
        {
            root.Options.Add(option);
        }

        root.SetAction((parse, _) => host.ServeAsync(parse));
        return root;
    }
}
