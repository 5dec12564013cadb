using System.CommandLine;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Cli;

/// <summary><c>migrate</c>: applies the pending migrations and says which (or that none were pending).</summary>
internal static class MigrateCommand
{
    public static Command Create(CommandHost host)
    {
        var command = new Command("migrate",
            "Applies the pending database migrations, even with Database:MigrateOnStartup=false (it was asked to), and lists them.");
        command.SetAction(async (parse, ct) =>
        {
            await using var app = host.Build(parse);
            await using var scope = app.Services.CreateAsyncScope();
            var applied = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().MigrateNowAsync(ct);
            Console.WriteLine(applied.Count == 0
                ? "No pending migrations: the database schema was already up to date."
                : $"Applied {applied.Count} migrations: {string.Join(", ", applied)}.");
            return 0;
        });
        return command;
    }
}
