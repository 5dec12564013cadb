using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common.Auth;

namespace NewsMeta.Api.Cli;

/// <summary>
/// <c>keys create --name NAME --scopes read,write</c> (prints the key once: it is stored only as a hash),
/// <c>keys revoke --name NAME</c>, <c>keys list</c>. Options may also be written <c>--name=NAME</c>.
/// </summary>
internal static class KeyCommands
{
    public const string Usage = "usage: keys create --name NAME --scopes read[,write][,admin] | keys revoke --name NAME | keys list";

    public static async Task<int> RunAsync(IServiceProvider services, string[] arguments)
    {
        var store = services.GetRequiredService<ApiKeyStore>();
        var (verb, options) = Read(arguments);
        switch (verb)
        {
            case "create":
                var scopes = ApiKeyStore.ParseScopes(options.GetValueOrDefault("scopes"));
                if (options.GetValueOrDefault("name") is not { Length: > 0 and <= 100 } name || scopes is null)
                {
                    return await FailAsync("create needs --name (1–100 characters) and --scopes from read, write, admin");
                }

                try
                {
                    var key = await store.CreateAsync(name, scopes, CancellationToken.None);
                    Console.Error.WriteLine($"Created key '{name}' with scopes {string.Join(", ", scopes)}. It is shown once; store it now:");
                    Console.WriteLine(key);
                    return 0;
                }
                catch (DbUpdateException)
                {
                    return await FailAsync($"a key named '{name}' already exists (names stay taken after revocation)");
                }

            case "revoke":
                if (options.GetValueOrDefault("name") is not { Length: > 0 } revoked)
                {
                    return await FailAsync("revoke needs --name");
                }

                if (!await store.RevokeAsync(revoked, CancellationToken.None))
                {
                    return await FailAsync($"no active key named '{revoked}'");
                }

                Console.WriteLine($"Revoked key '{revoked}'.");
                return 0;

            case "list":
                foreach (var k in await store.ListAsync(CancellationToken.None))
                {
                    Console.WriteLine($"{k.Id}\t{k.Name}\t{k.Prefix}…\t{k.Scopes}\tcreated {k.CreatedAt:u}\t{(k.RevokedAt is { } at ? $"revoked {at:u}" : "active")}");
                }

                return 0;

            default:
                return await FailAsync("unknown keys command");
        }
    }

    /// <summary>Which command-line words belong to the host (settings like --Database:Provider=Postgres) rather than to keys.</summary>
    public static bool IsHostOption(string arg) => arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal);

    private static (string? Verb, Dictionary<string, string> Options) Read(string[] arguments)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? verb = null;
        for (var i = 0; i < arguments.Length; i++)
        {
            var arg = arguments[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                verb ??= arg;
                continue;
            }

            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0)
            {
                options[arg[2..eq]] = arg[(eq + 1)..];
            }
            else if (i + 1 < arguments.Length)
            {
                options[arg[2..]] = arguments[++i];
            }
        }

        return (verb, options);
    }

    private static async Task<int> FailAsync(string message)
    {
        await Console.Error.WriteLineAsync($"keys: {message}");
        await Console.Error.WriteLineAsync(Usage);
        return 2;
    }
}
