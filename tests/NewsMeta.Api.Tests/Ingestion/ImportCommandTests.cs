using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Ingestion;

/// <summary>The import as a command (<c>NewsMeta.Api import FILE</c>), run as a real child process.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsmeta-cli-tests", Guid.NewGuid().ToString("N"));

    public ImportCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // left for the temp cleaner
        }
    }

    [Fact]
    public async Task Import_command_reports_a_summary_and_is_idempotent()
    {
        var file = Path.Combine(_folder, "articles.ndjson");
        var lines = TestJson.SampleRecords().Take(3).Select(r => r.ToJsonString()).Append("{\"externalId\":\"broken\"}");
        await File.WriteAllLinesAsync(file, lines, TestContext.Current.CancellationToken);
        var database = $"--ConnectionStrings:NewsMeta=Data Source={Path.Combine(_folder, "cli.db")}";

        var (exit, output) = await RunAsync("import", file, database);
        Assert.Equal(1, exit); // a rejected line makes the exit code non-zero
        Assert.Contains("3 created, 0 updated, 0 unchanged, 1 rejected", output, StringComparison.Ordinal);
        Assert.Matches(@"articles/s, peak memory [1-9][0-9]* MB\)", output);
        Assert.Contains("line 4:", output, StringComparison.Ordinal);

        var (secondExit, secondOutput) = await RunAsync("import", file, database);
        Assert.Equal(1, secondExit);
        Assert.Contains("0 created, 0 updated, 3 unchanged, 1 rejected", secondOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_command_without_an_existing_file_explains_its_usage()
    {
        var (exit, output) = await RunAsync("import", Path.Combine(_folder, "missing.ndjson"), $"--ConnectionStrings:NewsMeta=Data Source={Path.Combine(_folder, "x.db")}");
        Assert.Equal(2, exit);
        Assert.Contains("File does not exist", output, StringComparison.Ordinal);
        Assert.Contains("missing.ndjson", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_relink_and_similar_commands_run_on_a_store()
    {
        var page = Path.Combine(_folder, "page.txt");
        await File.WriteAllTextAsync(page, """
            افتتحت بلدية الريان سوقاً شعبياً جديداً في الحي القديم.

            المصدر: موقع الأفق الإخباري

            كلمات دلالية: بلدية الريان أسواق
            """, TestContext.Current.CancellationToken);
        var database = $"--ConnectionStrings:NewsMeta=Data Source={Path.Combine(_folder, "page.db")}";

        var (exit, output) = await RunAsync("import-page", page, "--externalId=cli-page", "--title=سوق شعبي جديد", "--publishedAt=2026-11-24T09:00:00Z", database);
        Assert.Equal(0, exit);
        Assert.Contains("Page imported: article 1 created", output, StringComparison.Ordinal);

        var (usageExit, usage) = await RunAsync("import-page", page, "--publishedAt=yesterday", database);
        Assert.Equal(2, usageExit);
        Assert.Contains("--publishedAt: 'yesterday' is not an ISO 8601 instant", usage, StringComparison.Ordinal);

        var (relinkExit, relinked) = await RunAsync("relink", database);
        Assert.Equal(0, relinkExit);
        Assert.Contains("Relinked in", relinked, StringComparison.Ordinal);
        var (similarExit, similar) = await RunAsync("recompute-similar", database);
        Assert.Equal(0, similarExit);
        Assert.Contains("Recomputed similar links of 1 articles", similar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_killed_import_leaves_only_whole_batches_and_running_it_again_completes_it()
    {
        const int Records = 3000;
        const int Batch = 500;
        var file = Path.Combine(_folder, "big.ndjson");
        await File.WriteAllLinesAsync(file, Enumerable.Range(0, Records).Select(i => System.Text.Json.JsonSerializer.Serialize(new
        {
            externalId = $"killed-{i:D5}",
            title = $"خبر رقم {i} عن ميناء الريان",
            body = $"وصلت السفينة رقم {i} إلى ميناء الريان. وقال سليم الحوت إن الحركة تتزايد.",
            language = "ar",
            publishedAt = "2026-11-20T09:00:00Z",
            source = new { name = "صحيفة الواحة", kind = "newspaper" },
            keywords = new[] { "ميناء الريان", "سفن", $"رحلة {i % 50}" },
            entities = new[] { new { name = "سليم الحوت", type = "person" } },
        })), TestContext.Current.CancellationToken);
        var path = Path.Combine(_folder, "killed.db");
        var database = $"--ConnectionStrings:NewsMeta=Data Source={path}";

        using (var import = CliProcess.Start("import", file, database))
        {
            // Kill it once the first batch is in, while later ones are on their way.
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (await CountAsync(path, "Articles") < Batch && !import.HasExited && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            Assert.False(import.HasExited, "the import finished before it could be killed; make the file bigger");
            import.Kill(entireProcessTree: true);
            await import.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var stored = await CountAsync(path, "Articles");
        Assert.True(stored is > 0 and < Records, $"{stored} articles after the kill");
        Assert.Equal(0, stored % Batch); // a batch is one transaction: all of it or none
        Assert.Equal(stored * 3, await CountAsync(path, "ArticleKeywords WHERE Origin = 'Publisher'"));
        Assert.Equal(stored, await CountAsync(path, "ArticleSearch"));

        var (exit, output) = await RunAsync("import", file, database);
        Assert.Equal(0, exit);
        Assert.Contains($"{Records - stored} created, 0 updated, {stored} unchanged, 0 rejected", output, StringComparison.Ordinal);
        Assert.Equal(Records, await CountAsync(path, "Articles"));
    }

    [Fact]
    public async Task Import_puts_the_files_entities_in_the_catalogue_first_so_an_early_article_is_linked_to_a_later_ones_entity()
    {
        // The first line mentions a person only the last line names, 500 lines (one batch) later.
        static object Record(string id, string body, object[] entities) => new
        {
            externalId = id,
            title = $"خبر {id}",
            body,
            language = "ar",
            publishedAt = "2026-11-20T09:00:00Z",
            source = new { name = "صحيفة الواحة", kind = "newspaper" },
            keywords = new[] { "ميناء الريان", "سفن", "رحلات" },
            entities,
        };
        var records = new List<object> { Record("early", "زار نادر الشامي ميناء الريان صباح اليوم وتفقد الأرصفة.", []) };
        records.AddRange(Enumerable.Range(0, 500).Select(i => Record($"filler-{i:D3}", $"وصلت السفينة رقم {i} إلى الميناء.", [])));
        records.Add(Record("late", "قال نادر الشامي إن الميناء سيتوسع.", [new { name = "نادر الشامي", type = "person" }]));
        var file = Path.Combine(_folder, "later-entity.ndjson");
        await File.WriteAllLinesAsync(file, records.Select(r => System.Text.Json.JsonSerializer.Serialize(r)), TestContext.Current.CancellationToken);
        var path = Path.Combine(_folder, "later-entity.db");

        var (exit, output) = await RunAsync("import", file, $"--ConnectionStrings:NewsMeta=Data Source={path}");

        Assert.Equal(0, exit);
        Assert.Contains("1 distinct entities named in the file", output, StringComparison.Ordinal);
        Assert.Contains("502 created", output, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(path, """
            ArticleEntities x JOIN Articles a ON a.Id = x.ArticleId JOIN Entities e ON e.Id = x.EntityId
            WHERE a.ExternalId = 'early' AND e.Name = 'نادر الشامي' AND x.Origin = 'Extracted' AND x.Mentions = 1
            """));
        // The relink job has nothing left to do: the state it would reach is recorded.
        Assert.Contains("no relinking to do", output, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(path, "JobStates WHERE Name = 'relink'"));
    }

    private static async Task<long> CountAsync(string path, string table)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        try
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT count(*) FROM {table}";
            return (long)(await command.ExecuteScalarAsync())!;
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // not migrated yet
        }
    }

    private static Task<(int Exit, string Output)> RunAsync(params string[] args) => CliProcess.RunAsync(args);
}
