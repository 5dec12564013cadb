using System.CommandLine;
using NewsMeta.Api.Common.Auth;

namespace NewsMeta.Api.Cli;

/// <summary>
/// <c>keys create --name NAME --scopes read,write</c> (prints the key once: it is stored only as a hash),
/// <c>keys revoke --name NAME</c>, <c>keys list</c>. A refused request (taken name, unknown key) exits 2.
/// </summary>
internal static class KeyCommands
{
    public static Command Create(CommandHost host)
    {
        var keys = new Command("keys", "Manages the API keys kept in the database (partners' keys).")
        {
            CreateKey(host),
            RevokeKey(host),
            ListKeys(host),
        };
        return keys;
    }

    private static Option<string> NameOption(string description)
    {
        var name = new Option<string>("--name") { Description = description, Required = true };
        name.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is not { Length: > 0 and <= ApiKeyOptions.MaxNameLength })
            {
                result.AddError($"--name must be 1 to {ApiKeyOptions.MaxNameLength} characters.");
            }
        });
        return name;
    }

    private static Command CreateKey(CommandHost host)
    {
        var name = NameOption("The key's name (unique among configured and stored keys; stays taken after revocation).");
        var scopes = new Option<string>("--scopes") { Description = "Comma-separated scopes from read, write, admin.", Required = true };
        scopes.Validators.Add(result =>
        {
            if (ApiKeyStore.ParseScopes(result.GetValueOrDefault<string>()) is null)
            {
                result.AddError("--scopes must list scopes from read, write, admin, e.g. read,write.");
            }
        });
        var command = new Command("create", "Creates a key and prints it once (only its hash is stored).") { name, scopes };
        command.SetAction((parse, ct) => host.RunOnDatabaseAsync(parse, async (services, token) =>
        {
            var keyName = parse.GetRequiredValue(name);
            var granted = ApiKeyStore.ParseScopes(parse.GetRequiredValue(scopes))!;
            if (await services.GetRequiredService<ApiKeyStore>().CreateAsync(keyName, granted, token) is not { } key)
            {
                return await RefuseAsync($"a key named '{keyName}' already exists, configured (Auth:ApiKeys) or stored (names stay taken after revocation); choose another name");
            }

            await Console.Error.WriteLineAsync($"Created key '{keyName}' with scopes {string.Join(", ", granted)}. It is shown once; store it now:");
            Console.WriteLine(key);
            return 0;
        }, ct));
        return command;
    }

    private static Command RevokeKey(CommandHost host)
    {
        var name = NameOption("The key to revoke.");
        var command = new Command("revoke", "Revokes an active key (each instance stops accepting it within Auth:KeyCacheSeconds) and pauses its webhook subscriptions at once.") { name };
        command.SetAction((parse, ct) => host.RunOnDatabaseAsync(parse, async (services, token) =>
        {
            var keyName = parse.GetRequiredValue(name);
            if (!await services.GetRequiredService<ApiKeyStore>().RevokeAsync(keyName, token))
            {
                return await RefuseAsync($"no active key named '{keyName}'");
            }

            Console.WriteLine($"Revoked key '{keyName}'.");
            return 0;
        }, ct));
        return command;
    }

    private static Command ListKeys(CommandHost host)
    {
        var command = new Command("list", "Lists the keys: id, name, prefix, scopes, created, active or revoked (never the key itself).");
        command.SetAction((parse, ct) => host.RunOnDatabaseAsync(parse, async (services, token) =>
        {
            foreach (var k in await services.GetRequiredService<ApiKeyStore>().ListAsync(token))
            {
                Console.WriteLine($"{k.Id}\t{k.Name}\t{k.Prefix}…\t{k.Scopes}\tcreated {k.CreatedAt:u}\t{(k.RevokedAt is { } at ? $"revoked {at:u}" : "active")}");
            }

            return 0;
        }, ct));
        return command;
    }

    private static async Task<int> RefuseAsync(string message)
    {
        await Console.Error.WriteLineAsync($"keys: {message}");
        return 2;
    }
}
