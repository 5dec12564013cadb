using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Ingestion;

public sealed class ImportExportTests(EmptyNewsMetaFactory factory) : IClassFixture<EmptyNewsMetaFactory>
{
    private static string SamplePath => Path.Combine(AppContext.BaseDirectory, "Data", "SampleData", "sample-articles.ndjson");

    internal static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string ndjson, string contentType = "application/x-ndjson")
    {
        using var content = new StringContent(ndjson, Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        return await client.PostAsync("/api/v1/articles/import", content, TestContext.Current.CancellationToken);
    }

    internal static async Task<string> ExportAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync($"/api/v1/articles/export{query}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Import_needs_a_write_key_and_ndjson()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await ImportAsync(factory.CreateClient(), "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(factory.ClientWithKey(NewsMetaFactory.ReadKey), "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await ImportAsync(factory.ClientWithKey(NewsMetaFactory.WriteKey), "{}", "text/plain")).StatusCode);
    }

    [Fact]
    public async Task Bad_lines_are_reported_with_line_numbers_and_the_rest_is_imported()
    {
        var writer = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        var good = TestJson.SampleRecords().Take(3).Select(r => r.DeepClone().AsObject()).ToList();
        for (var i = 0; i < good.Count; i++)
        {
            good[i]["externalId"] = $"bad-lines-{i}";
            good[i]["url"] = $"https://tests.example/bad-lines-{i}";
        }

        var missingTitle = good[0].DeepClone().AsObject();
        missingTitle["externalId"] = "bad-lines-missing-title";
        missingTitle["url"] = null;
        missingTitle.Remove("title");
        var badKind = good[1].DeepClone().AsObject();
        badKind["externalId"] = "bad-lines-bad-kind";
        badKind["url"] = null;
        badKind["links"] = new JsonArray(new JsonObject { ["title"] = "x", ["kind"] = "sibling" });
        var lines = new[]
        {
            good[0].ToJsonString(),
            "{ this is not json",
            missingTitle.ToJsonString(),
            "",
            good[1].ToJsonString(),
            badKind.ToJsonString(),
            "[1,2,3]",
            good[2].ToJsonString(),
        };
        var response = await ImportAsync(writer, string.Join('\n', lines) + "\n");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.NodeAsync();
        Assert.Equal(3, report["created"]!.GetValue<int>());
        Assert.Equal(0, report["updated"]!.GetValue<int>());
        var rejected = report["rejected"]!.AsArray();
        Assert.Equal(new[] { 2, 3, 6, 7 }, rejected.Select(r => r!["line"]!.GetValue<int>()));
        Assert.NotNull(rejected[1]!["errors"]!["title"]);
        Assert.NotNull(rejected[2]!["errors"]!["links[0].kind"]);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync($"/api/v1/articles/by-external-id/bad-lines-{i}", TestContext.Current.CancellationToken)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await writer.GetAsync("/api/v1/articles/by-external-id/bad-lines-missing-title", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Reimporting_the_same_file_changes_nothing_and_a_repeat_in_one_file_updates()
    {
        var writer = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        var record = TestJson.SampleRecords()[5].DeepClone().AsObject();
        record["externalId"] = "idempotent-1";
        record["url"] = "https://tests.example/idempotent-1";
        var first = await (await ImportAsync(writer, record.ToJsonString())).NodeAsync();
        Assert.Equal(1, first["created"]!.GetValue<int>());
        var second = await (await ImportAsync(writer, record.ToJsonString())).NodeAsync();
        Assert.Equal(1, second["unchanged"]!.GetValue<int>());
        Assert.Equal(0, second["created"]!.GetValue<int>());

        var edited = record.DeepClone().AsObject();
        edited["title"] = "عنوان ثان";
        var third = await (await ImportAsync(writer, record.ToJsonString() + "\n" + edited.ToJsonString())).NodeAsync();
        Assert.Equal(1, third["updated"]!.GetValue<int>());
        var stored = await (await writer.GetAsync("/api/v1/articles/by-external-id/idempotent-1", TestContext.Current.CancellationToken)).ReadAsync<ArticleView>();
        Assert.Equal("عنوان ثان", stored.Title);
    }

    [Fact]
    public async Task A_link_to_an_article_imported_later_resolves_when_it_arrives()
    {
        var writer = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        var sample = TestJson.SampleRecords();
        var early = sample[0].DeepClone().AsObject();
        early["externalId"] = "forward-early";
        early["url"] = null;
        early["links"] = new JsonArray(
            new JsonObject { ["externalId"] = "forward-late", ["title"] = "سيصل لاحقا", ["kind"] = "readAlso" },
            new JsonObject { ["url"] = "https://tests.example/forward-late", ["kind"] = "related" });
        await ImportAsync(writer, early.ToJsonString());
        var before = await (await writer.GetAsync("/api/v1/articles/by-external-id/forward-early", TestContext.Current.CancellationToken)).ReadAsync<ArticleView>();
        Assert.All(before.Links.Where(l => l.Origin == "publisher"), l => Assert.Null(l.TargetId));

        var late = sample[1].DeepClone().AsObject();
        late["externalId"] = "forward-late";
        late["url"] = "https://tests.example/forward-late";
        await ImportAsync(writer, late.ToJsonString());
        var lateId = (await (await writer.GetAsync("/api/v1/articles/by-external-id/forward-late", TestContext.Current.CancellationToken)).ReadAsync<ArticleView>()).Id;
        var after = await (await writer.GetAsync("/api/v1/articles/by-external-id/forward-early", TestContext.Current.CancellationToken)).ReadAsync<ArticleView>();
        Assert.Equal(2, after.Links.Count(l => l.Origin == "publisher"));
        Assert.All(after.Links.Where(l => l.Origin == "publisher"), l => Assert.Equal(lateId, l.TargetId));
        Assert.Equal(late["title"]!.GetValue<string>(), after.Links[0].Title);
    }

    [Fact]
    public async Task Export_rejects_a_bad_updatedSince_and_filters_by_it()
    {
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/articles/export?updatedSince=soon", TestContext.Current.CancellationToken)).StatusCode);
        var future = await ExportAsync(client, "?updatedSince=2999-01-01T00:00:00Z");
        Assert.Equal("", future);
    }
}

/// <summary>Import → export → import into a new store → export gives the same bytes.</summary>
public sealed class RoundTripTests
{
    [Fact]
    public async Task Sample_corpus_round_trips_through_export_and_import_unchanged()
    {
        using var first = new EmptyNewsMetaFactory();
        var firstWriter = first.ClientWithKey(NewsMetaFactory.WriteKey);
        var sample = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Data", "SampleData", "sample-articles.ndjson"), TestContext.Current.CancellationToken);
        var report = await (await ImportExportTests.ImportAsync(firstWriter, sample)).NodeAsync();
        Assert.Equal(TestJson.SampleRecords().Count, report["created"]!.GetValue<int>());
        Assert.Empty(report["rejected"]!.AsArray());
        var exported = await ImportExportTests.ExportAsync(firstWriter);
        Assert.Equal(TestJson.SampleRecords().Count, exported.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        using var second = new EmptyNewsMetaFactory();
        var secondWriter = second.ClientWithKey(NewsMetaFactory.WriteKey);
        var secondReport = await (await ImportExportTests.ImportAsync(secondWriter, exported)).NodeAsync();
        Assert.Empty(secondReport["rejected"]!.AsArray());
        var reexported = await ImportExportTests.ExportAsync(secondWriter);
        Assert.Equal(exported, reexported);

        // Every field of the original corpus survives (spelling of catalogue names may be the canonical one).
        var original = TestJson.SampleRecords().ToDictionary(r => r["externalId"]!.GetValue<string>());
        foreach (var line in exported.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var record = JsonNode.Parse(line)!.AsObject();
            var source = original[record["externalId"]!.GetValue<string>()];
            foreach (var field in new[] { "url", "title", "summary", "body", "language", "publishedAt", "updatedAt", "links" })
            {
                Assert.True(JsonNode.DeepEquals(source[field], record[field]), $"{field} of {record["externalId"]} differs");
            }

            Assert.Equal(source["keywords"]!.AsArray().Count, record["keywords"]!.AsArray().Count);
            Assert.Equal(source["entities"]!.AsArray().Count, record["entities"]!.AsArray().Count);
        }

        // Importing the export back into the store it came from is a no-op for every article.
        var again = await (await ImportExportTests.ImportAsync(secondWriter, reexported)).NodeAsync();
        Assert.Equal(0, again["created"]!.GetValue<int>());
    }
}
