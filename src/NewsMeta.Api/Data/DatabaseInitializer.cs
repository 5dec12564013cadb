using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsMeta.Api.Features.Ingestion;

namespace NewsMeta.Api.Data;

/// <summary>Start-up work on the database: WAL mode for SQLite, pending migrations, the sample corpus on an empty store.</summary>
public sealed class DatabaseInitializer(NewsDbContext db, IOptions<DatabaseOptions> options, NdjsonImporter importer, Features.Search.SearchIndex search, Features.Enrichment.SimilarArticles similar, ILogger<DatabaseInitializer> log)
{
    public static string SampleFile => Path.Combine(AppContext.BaseDirectory, "Data", "SampleData", "sample-articles.ndjson");

    /// <param name="allowSeed">False for CLI commands, which never load the sample corpus.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task InitializeAsync(bool allowSeed, CancellationToken ct)
    {
        if (db.Database.IsSqlite())
        {
            // WAL lets readers work while one writer writes; it is a property of the file, so set once.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }

        if (options.Value.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(ct);
        }

        await search.EnsureCompleteAsync(log, ct);
        await Features.Articles.TitleKeyBackfill.RunAsync(db, log, ct);
        await Features.Enrichment.LinkReasonsBackfill.RunAsync(db, similar, log, ct);

        if (allowSeed && options.Value.SeedSampleData && !await db.Articles.AnyAsync(ct))
        {
            log.LogInformation("Empty database: loading the sample corpus from {File}", SampleFile);
            await using var file = File.OpenRead(SampleFile);
            var report = await importer.ImportAsync(file, null, ct);
            if (report.RejectedCount > 0)
            {
                log.LogWarning("Sample corpus: {Rejected} lines rejected, first: line {Line}", report.RejectedCount, report.Rejected[0].Line);
            }
        }
    }
}
