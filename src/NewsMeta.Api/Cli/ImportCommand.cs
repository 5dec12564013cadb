using System.CommandLine;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Ingestion;

namespace NewsMeta.Api.Cli;

/// <summary><c>import FILE.ndjson</c>: the bulk import, catalogue first (<see cref="ImportCatalogueFirst"/>).</summary>
internal static class ImportCommand
{
    public static Command Create(CommandHost host)
    {
        var file = new Argument<FileInfo>("file") { Description = "NDJSON file, one article record a line (the format of GET /api/v1/articles/export)." };
        file.AcceptExistingOnly();
        var command = new Command("import", "Imports (creates or updates) the articles of an NDJSON file; exits 1 when a line was rejected.") { file };
        command.SetAction((parse, ct) => host.RunOnDatabaseAsync(parse, (services, token) => ImportAsync(services, parse.GetRequiredValue(file), token), ct));
        return command;
    }

    private static async Task<int> ImportAsync(IServiceProvider services, FileInfo path, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        using var steps = new StepTimes();
        await using var file = new FileStream(path.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var catalogueFirst = services.GetRequiredService<ImportCatalogueFirst>();
        var prepared = await catalogueFirst.PrepareAsync(file, ct);
        Console.WriteLine($"Entity catalogue prepared in {clock.Elapsed.TotalSeconds:F1} s: {prepared.Entities} distinct entities named in the file.");
        var importer = services.GetRequiredService<NdjsonImporter>();
        var report = await CommandProgress.RunAsync(CommandProgress.Log(services), "Import", "lines",
            progress => importer.ImportAsync(file, (lines, _) => progress(file.Position, file.Length, lines), ct));
        if (await catalogueFirst.FinishAsync(prepared, ct))
        {
            Console.WriteLine("Every article is linked with the current entity catalogue: the service has no relinking to do.");
        }

        var stored = report.Created + report.Updated + report.Unchanged;
        // The peak resident set of the whole process (VmHWM on Linux): the import streams its file in
        // batches, so this shows whether anything grows with the file instead (the load harness records it).
        using var process = Process.GetCurrentProcess();
        Console.WriteLine($"Imported {path} in {clock.Elapsed.TotalSeconds:F1} s: {report.Created} created, {report.Updated} updated, "
            + $"{report.Unchanged} unchanged, {report.RejectedCount} rejected ({stored / Math.Max(clock.Elapsed.TotalSeconds, 0.001):F0} articles/s, "
            + $"peak memory {process.PeakWorkingSet64 / (1024 * 1024)} MB).");
        Console.WriteLine("Wall time in each write-pipeline step (their sum is below the total: parsing, validation and commits sit between them):");
        foreach (var line in steps.PerArticle(report.Created + report.Updated))
        {
            Console.WriteLine(line);
        }

        foreach (var line in report.Rejected.Take(20))
        {
            Console.WriteLine($"  line {line.Line}: {string.Join("; ", line.Errors.Select(e => $"{e.Key} {string.Join(", ", e.Value)}"))}");
        }

        await AnalyzeAsync(services.GetRequiredService<NewsDbContext>(), ct);
        return report.RejectedCount == 0 ? 0 : 1;
    }

    /// <summary>
    /// PostgreSQL: vacuums and refreshes the planner's statistics after a bulk import instead of waiting for
    /// autovacuum (<see cref="IDatabaseDialect.RefreshStatisticsAsync"/>). SQLite has nothing to refresh here.
    /// </summary>
    private static async Task AnalyzeAsync(NewsDbContext db, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        if (await db.Dialect.RefreshStatisticsAsync(db, ct))
        {
            Console.WriteLine($"Tables vacuumed and planner statistics refreshed (VACUUM ANALYZE) in {clock.Elapsed.TotalSeconds:F1} s.");
        }
    }
}
