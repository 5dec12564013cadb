using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Cli;

/// <summary><c>relink</c> and <c>recompute-similar</c>: enrichment of every stored article again.</summary>
internal static class RelinkCommands
{
    public static Command Relink(CommandHost host)
    {
        var command = new Command("relink", "Links every article again with the current entity catalogue (after curating it).");
        command.SetAction((parse, ct) => host.RunOnDatabaseAsync(parse, async (services, token) =>
        {
            var log = CommandProgress.Log(services);
            var linker = services.GetRequiredService<Features.NamedEntities.EntityLinker>();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var changed = await CommandProgress.RunAsync(log, "Relink", "articles",
                report => linker.RelinkAllAsync((done, total) => report(done, total, done), token));
            Console.WriteLine($"Relinked in {clock.Elapsed.TotalSeconds:F1} s: {changed} articles changed.");
            return 0;
        }, ct));
        return command;
    }

    public static Command RecomputeSimilar(CommandHost host)
    {
        var command = new Command("recompute-similar", "Computes the similar-article links of every article again, in batches of 200.");
        command.SetAction((parse, ct) => host.RunOnDatabaseAsync(parse, async (services, token) =>
        {
            var log = CommandProgress.Log(services);
            var db = services.GetRequiredService<NewsDbContext>();
            var similar = services.GetRequiredService<Features.Enrichment.SimilarArticles>();
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var ids = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(token);
            await CommandProgress.RunAsync(log, "Similar links", "articles", async report =>
            {
                var done = 0;
                foreach (var batch in ids.Chunk(200))
                {
                    await using var tx = await db.Database.BeginTransactionAsync(token);
                    await similar.ComputeAsync(batch, token);
                    await tx.CommitAsync(token);
                    db.ChangeTracker.Clear();
                    done += batch.Length;
                    report(done, ids.Count, done);
                }

                return done;
            });
            await services.GetRequiredService<Common.Caching.ICacheInvalidator>().InvalidateAsync(token);
            Console.WriteLine($"Recomputed similar links of {ids.Count} articles in {clock.Elapsed.TotalSeconds:F1} s.");
            return 0;
        }, ct));
        return command;
    }
}
