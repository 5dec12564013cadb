using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsMeta.Api.Features.Ingestion;

namespace NewsMeta.Api.Data;

/// <summary>Start-up work on the database: WAL mode for SQLite, pending migrations, the sample corpus on an empty store.</summary>
public sealed class DatabaseInitializer(NewsDbContext db, IOptions<DatabaseOptions> options, NdjsonImporter importer, ImportCatalogueFirst catalogueFirst, Features.Search.SearchIndex search, Features.Articles.ArticleWriter writer, TimeProvider clock, ILogger<DatabaseInitializer> log)
{
    public static string SampleFile => Path.Combine(AppContext.BaseDirectory, "Data", "SampleData", "sample-articles.ndjson");

    /// <summary>The server's start (and a command's, with <paramref name="allowSeed"/> false): migrations only when <c>Database:MigrateOnStartup</c>.</summary>
    /// <param name="allowSeed">False for CLI commands, which never load the sample corpus.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task InitializeAsync(bool allowSeed, CancellationToken ct)
    {
        await UseWriteAheadLogAsync(ct);
        if (options.Value.MigrateOnStartup)
        {
            await ApplyMigrationsAsync(ct);
        }

        await BackfillAsync(ct);
        if (allowSeed && options.Value.SeedSampleData && !await db.Articles.AnyAsync(ct))
        {
            log.LogInformation("Empty database: loading the sample corpus from {File}", SampleFile);
            await using var file = File.OpenRead(SampleFile);
            // Catalogue first, as the CLI import does: every sample article is linked with the whole catalogue and
            // the linked state is recorded, so the relink job finds nothing to do 30 s after a fresh start.
            var prepared = await catalogueFirst.PrepareAsync(file, ct);
            var report = await importer.ImportAsync(file, null, ct);
            await catalogueFirst.FinishAsync(prepared, ct);
            if (report.RejectedCount > 0)
            {
                log.LogWarning("Sample corpus: {Rejected} lines rejected, first: line {Line}", report.RejectedCount, report.Rejected[0].Line);
            }

            if (options.Value.SeedSampleEmbargoes)
            {
                await SampleEmbargoes.SeedAsync(writer, clock.GetUtcNow().UtcDateTime, ct);
            }
        }
    }

    /// <summary>
    /// The <c>migrate</c> command: applies what is pending whatever <c>Database:MigrateOnStartup</c> says (it was
    /// asked to), then the backfills. Returns the migrations it applied (none: the schema was up to date).
    /// </summary>
    public async Task<IReadOnlyList<string>> MigrateNowAsync(CancellationToken ct)
    {
        await UseWriteAheadLogAsync(ct);
        var applied = await ApplyMigrationsAsync(ct);
        await BackfillAsync(ct);
        return applied;
    }

    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken ct) => [.. await db.Database.GetPendingMigrationsAsync(ct)];

    private async Task UseWriteAheadLogAsync(CancellationToken ct)
    {
        await db.Dialect.PrepareStoreAsync(db, ct);
    }

    private async Task<IReadOnlyList<string>> ApplyMigrationsAsync(CancellationToken ct)
    {
        var pending = await PendingMigrationsAsync(ct);
        await db.Database.MigrateAsync(ct);
        if (pending.Count > 0)
        {
            log.LogInformation("Applied {Count} migrations: {Migrations}", pending.Count, string.Join(", ", pending));
        }

        return pending;
    }

    private async Task BackfillAsync(CancellationToken ct)
    {
        await search.EnsureCompleteAsync(log, ct);
        await Features.Articles.TitleKeyBackfill.RunAsync(db, writer, log, ct);
        await Features.Enrichment.LinkReasonsBackfill.RunAsync(db, writer, log, ct);
        await Features.Articles.ReadModel.ArticleDocumentBackfill.RunAsync(db, writer, log, ct); // last: renders what the others filled
    }
}
