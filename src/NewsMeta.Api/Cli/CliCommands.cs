using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Ingestion;

namespace NewsMeta.Api.Cli;

/// <summary>
/// Commands run instead of the web server: <c>dotnet run --project src/NewsMeta.Api -- import FILE.ndjson</c>,
/// <c>-- migrate</c>, <c>-- schema</c> (prints the GraphQL SDL), <c>-- relink</c> (entity linking with the current catalogue),
/// <c>-- keys …</c> (API keys, see <see cref="KeyCommands"/>), <c>-- openapi</c> (prints the REST OpenAPI document, as served at
/// /swagger/v1/swagger.json).
/// Options after the command (<c>--Database:Provider=…</c>) still configure the host.
/// </summary>
public sealed class CliCommands
{
    private CliCommands(string name, string[] arguments, string[] hostArgs)
    {
        Name = name;
        Arguments = arguments;
        HostArgs = hostArgs;
    }

    public string Name { get; }
    public string[] Arguments { get; }
    public string[] HostArgs { get; }

    /// <summary>The command reads the mapped endpoints (so Program maps them before running it).</summary>
    public bool NeedsEndpoints => Name == "openapi";

    public static CliCommands? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("import" or "migrate" or "schema" or "openapi" or "relink" or "recompute-similar" or "import-page" or "keys"))
        {
            return null;
        }

        if (args[0] == "keys")
        {
            // keys takes "--name NAME" pairs of its own; only host settings (with a ':') go to the host.
            return new CliCommands("keys", args.Skip(1).Where(a => !KeyCommands.IsHostOption(a)).ToArray(),
                args.Skip(1).Where(KeyCommands.IsHostOption).Prepend("--Logging:Console:LogToStandardErrorThreshold=Trace").ToArray());
        }

        // Logs go to stderr, so stdout carries only the command's own output (a summary, the schema).
        var options = args.Skip(1).Where(a => a.StartsWith("--", StringComparison.Ordinal))
            .Prepend("--Logging:Console:LogToStandardErrorThreshold=Trace").ToArray();
        var positional = args.Skip(1).Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
        return new CliCommands(args[0], positional, options);
    }

    public async Task<int> RunAsync(WebApplication app)
    {
        if (Name == "schema")
        {
            // Needs no database: prints the GraphQL SDL that GraphQL/schema.graphql must match.
            Console.Out.Write(GraphQL.SchemaText.Print(app.Services.GetRequiredService<global::GraphQL.Types.ISchema>()));
            return 0;
        }

        if (Name == "openapi")
        {
            // Needs no database: the document the Swagger middleware serves (OpenAPI 3.0 JSON), for client generators.
            // The mapped endpoints reach the API explorer through UseEndpoints, which otherwise runs only when the server starts.
            app.UseRouting();
            app.UseEndpoints(_ => { });
            var document = app.Services.GetRequiredService<Swashbuckle.AspNetCore.Swagger.ISwaggerProvider>().GetSwagger("v1");
            await using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
            document.SerializeAsV3(new Microsoft.OpenApi.OpenApiJsonWriter(text));
            Console.Out.Write(text.ToString());
            return 0;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await services.GetRequiredService<DatabaseInitializer>().InitializeAsync(allowSeed: false, CancellationToken.None);
        Console.Error.WriteLine("Database schema is up to date.");
        return Name switch
        {
            "import" => await ImportAsync(services),
            "relink" => await RelinkAsync(services),
            "recompute-similar" => await RecomputeSimilarAsync(services),
            "import-page" => await ImportPageAsync(services),
            "keys" => await KeyCommands.RunAsync(services, Arguments),
            _ => 0,
        };
    }

    /// <summary>
    /// PostgreSQL: refreshes the planner's statistics after a bulk import instead of waiting for autovacuum.
    /// Without them, a search right after importing planned a scan of every tsvector (150-300 ms at 20,000
    /// articles) where the GIN index takes 20-40 ms. SQLite has no statistics to refresh here.
    /// </summary>
    private static async Task AnalyzeAsync(NewsDbContext db)
    {
        if (db.Database.IsNpgsql())
        {
            var clock = Stopwatch.StartNew();
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
            Console.WriteLine($"Planner statistics refreshed (ANALYZE) in {clock.Elapsed.TotalSeconds:F1} s.");
        }
    }

    /// <summary>Links every article again with the current entity catalogue (after curating it).</summary>
    private static async Task<int> RelinkAsync(IServiceProvider services)
    {
        var clock = Stopwatch.StartNew();
        var changed = await services.GetRequiredService<Features.NamedEntities.EntityLinker>()
            .RelinkAllAsync((done, total) => ProgressBar.Draw(done, total, done, clock.Elapsed), CancellationToken.None);
        Console.Error.WriteLine();
        Console.WriteLine($"Relinked in {clock.Elapsed.TotalSeconds:F1} s: {changed} articles changed.");
        return 0;
    }

    /// <summary>Computes the similar links of every article again, in batches.</summary>
    private static async Task<int> RecomputeSimilarAsync(IServiceProvider services)
    {
        var clock = Stopwatch.StartNew();
        var db = services.GetRequiredService<NewsDbContext>();
        var similar = services.GetRequiredService<Features.Enrichment.SimilarArticles>();
        var ids = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync();
        var done = 0;
        foreach (var batch in ids.Chunk(200))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            await similar.ComputeAsync(batch, CancellationToken.None);
            await tx.CommitAsync();
            db.ChangeTracker.Clear();
            done += batch.Length;
            ProgressBar.Draw(done, ids.Count, done, clock.Elapsed);
        }

        await services.GetRequiredService<Common.Caching.ICacheInvalidator>().InvalidateAsync(CancellationToken.None);
        Console.Error.WriteLine();
        Console.WriteLine($"Recomputed similar links of {ids.Count} articles in {clock.Elapsed.TotalSeconds:F1} s.");
        return 0;
    }

    /// <summary><c>import-page FILE [--externalId=…] [--title=…] [--publishedAt=…] [--url=…] [--language=ar]</c>; omitted metadata is derived as over HTTP.</summary>
    private async Task<int> ImportPageAsync(IServiceProvider services)
    {
        string? Option(string name) => HostArgs.FirstOrDefault(o => o.StartsWith($"--{name}=", StringComparison.Ordinal))?[(name.Length + 3)..];
        var externalId = Option("externalId");
        var title = Option("title");
        DateTime? published = null;
        if (Option("publishedAt") is { } instant && DateTime.TryParse(instant, System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
        {
            published = parsed;
        }

        if (Arguments.Length != 1 || !File.Exists(Arguments[0]) || (Option("publishedAt") is not null && published is null))
        {
            await Console.Error.WriteLineAsync("usage: import-page FILE [--externalId=ID] [--title=TITLE] [--publishedAt=2026-11-24T09:00:00Z] [--url=URL] [--language=ar]");
            return 2;
        }

        var outcome = await services.GetRequiredService<PageImporter>().ImportAsync(
            await File.ReadAllTextAsync(Arguments[0]), new PageMetadata(externalId, title, published, Option("url"), Option("language") ?? "ar"), CancellationToken.None);
        if (outcome.MissingPart is not null || outcome.Invalid is not null)
        {
            Console.WriteLine(outcome.Error ?? string.Join("; ", outcome.Invalid!.Select(e => $"{e.Key} {string.Join(", ", e.Value)}")));
            return 1;
        }

        Console.WriteLine($"Page imported: article {outcome.Main!.ArticleId} {outcome.Main.Status.ToString().ToLowerInvariant()}"
            + (outcome.ReadAlso is { } second ? $", read-also article {second.ArticleId} {second.Status.ToString().ToLowerInvariant()}" : "") + ".");
        return outcome.Main.Status == Features.Articles.WriteStatus.Rejected ? 1 : 0;
    }

    private async Task<int> ImportAsync(IServiceProvider services)
    {
        if (Arguments.Length != 1 || !File.Exists(Arguments[0]))
        {
            await Console.Error.WriteLineAsync("usage: import FILE.ndjson   (the file must exist)");
            return 2;
        }

        var path = Arguments[0];
        var total = new FileInfo(path).Length;
        var clock = Stopwatch.StartNew();
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var catalogueFirst = services.GetRequiredService<ImportCatalogueFirst>();
        var prepared = await catalogueFirst.PrepareAsync(file, CancellationToken.None);
        Console.WriteLine($"Entity catalogue prepared in {clock.Elapsed.TotalSeconds:F1} s: {prepared.Entities} distinct entities named in the file.");
        var importer = services.GetRequiredService<NdjsonImporter>();
        var report = await importer.ImportAsync(file, (lines, _) => ProgressBar.Draw(file.Position, total, lines, clock.Elapsed), CancellationToken.None);
        Console.Error.WriteLine();
        if (await catalogueFirst.FinishAsync(prepared, CancellationToken.None))
        {
            Console.WriteLine("Every article is linked with the current entity catalogue: the service has no relinking to do.");
        }

        var stored = report.Created + report.Updated + report.Unchanged;
        Console.WriteLine($"Imported {path} in {clock.Elapsed.TotalSeconds:F1} s: {report.Created} created, {report.Updated} updated, "
            + $"{report.Unchanged} unchanged, {report.RejectedCount} rejected ({stored / Math.Max(clock.Elapsed.TotalSeconds, 0.001):F0} articles/s).");
        foreach (var line in report.Rejected.Take(20))
        {
            Console.WriteLine($"  line {line.Line}: {string.Join("; ", line.Errors.Select(e => $"{e.Key} {string.Join(", ", e.Value)}"))}");
        }

        await AnalyzeAsync(services.GetRequiredService<NewsDbContext>());
        return report.RejectedCount == 0 ? 0 : 1;
    }
}

/// <summary>A one-line progress bar on stderr (so stdout keeps only the summary).</summary>
internal static class ProgressBar
{
    public static void Draw(long done, long total, int lines, TimeSpan elapsed)
    {
        const int width = 30;
        var fraction = total == 0 ? 1 : Math.Clamp((double)done / total, 0, 1);
        var filled = (int)(fraction * width);
        var rate = lines / Math.Max(elapsed.TotalSeconds, 0.001);
        Console.Error.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {fraction,4:P0} {lines,9:N0} lines {rate,7:N0} lines/s");
    }
}
