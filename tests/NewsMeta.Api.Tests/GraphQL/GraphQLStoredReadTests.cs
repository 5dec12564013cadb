using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsMeta.Api.Data;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.GraphQL;

/// <summary>
/// GraphQL article pages read the stored read model (each row's stored document, in the page's statement)
/// and answer exactly what the loaders compute from the normalised tables: the same queries are asked with
/// the documents in place and again after the documents table was emptied, so every node falls back.
/// </summary>
public sealed class GraphQLStoredReadTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // The benchmark's nested page (S3 in the load harness).
    private const string BenchmarkPage = """
        query($before: DateTime!) { articles(first: 20, where: { publishedBefore: $before }, orderBy: PUBLISHED_AT_DESC)
          { nodes { externalId title publishedAt entities { entity { name type } } keywords { name }
                    links { kind title target { externalId title } } } } }
        """;

    // Every Article field, each relation both within what the document holds and beyond it (catalogue
    // counts, an entity's status, a section's parent), with arguments, aliases and fragments.
    private const string EveryField = """
        query($after: String) { articles(first: 10, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes { ...Card body
            links { kind score reasons { textSimilarity sharedEntities { name weight } sharedKeywords { name weight } }
                    title url targetExternalId origin target { databaseId title body keywords { name } entities { entity { name } } } } } } }
        fragment Card on Article {
          id databaseId externalId slug url title summary language publishedAt updatedAt changedAt
          subtitle wordCount readingTimeMinutes embargoUntil
          source { id databaseId name kind } counted: source { name articleCount }
          credits { id name kind } creditCounts: credits { articleCount }
          keywords { id databaseId name origin } keywordCounts: keywords { name articleCount }
          entities { entity { id databaseId name type matchedAlias aliases } mentions matchedAlias origin }
          entityDetails: entities { entity { ... on Entity { name status confidence articleCount } } }
          persons: entities(type: PERSON) { entity { name } mentions }
          related: links(kind: RELATED, first: 1) { title targetExternalId }
          bylines { name role entity { name } } media { kind url caption credit altText width height mimeType }
          image { kind url } sections { id name path } sectionDetails: sections { name articleCount parent { name } }
        }
        """;

    private const string ByExternalId = """
        query($ext: String) { article(externalId: $ext) { title body keywords { name } links { title target { title keywords { name } } } } }
        """;

    // Article pages nested under a list of parents (one batched statement for all their pages).
    private const string NestedPages = """
        { entities(first: 5) { nodes { name articles(first: 4) { totalCount nodes { title source { name kind } keywords { name origin }
            entities { entity { name type } mentions } links { title target { title } } } } } }
          sources(first: 3) { nodes { name articles(first: 3) { nodes { externalId credits { name } sections { name path } } } } } }
        """;

    private readonly HttpClient _reader = factory.CreateClient();
    private readonly HttpClient _writer = factory.ClientWithKey(NewsMetaFactory.WriteKey);

    [Fact]
    public async Task Stored_and_computed_pages_answer_the_same_for_readers_and_writers()
    {
        // A visible article linking to an embargoed one (no target for anyone until release), the embargoed
        // one linking back (a target writers can follow), and an article arriving as a link target.
        await PutAsync("stored-read-visible", "خبر مرئي يشير إلى خبر محجوب", links: ["stored-read-embargoed", "stored-read-later"]);
        await PutAsync("stored-read-embargoed", "خبر محجوب حتى الغد", embargoUntil: DateTime.UtcNow.AddDays(1), links: ["stored-read-visible"]);
        await PutAsync("stored-read-later", "الخبر اللاحق وقد وصل");

        var stored = await AnswersAsync();
        factory.Sql.Reset();
        await BenchmarkAsync(_reader);
        var storedCommands = factory.Sql.Count;

        // A store written before the relations had their own column: the rows read the full documents instead.
        using (var scope = factory.Services.CreateScope())
        {
            var documents = scope.ServiceProvider.GetRequiredService<NewsDbContext>().ArticleDocuments;
            Assert.True(await documents.ExecuteUpdateAsync(s => s.SetProperty(d => d.Parts, (byte[]?)null), Ct) > 50);
        }

        var fromFull = await AnswersAsync();
        factory.Sql.Reset();
        await BenchmarkAsync(_reader);
        var fromFullCommands = factory.Sql.Count;

        using (var scope = factory.Services.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<NewsDbContext>().ArticleDocuments.ExecuteDeleteAsync(Ct) > 50);
        }

        var computed = await AnswersAsync();
        factory.Sql.Reset();
        await BenchmarkAsync(_reader);
        var computedCommands = factory.Sql.Count;

        Assert.Equal(computed.Count, stored.Count);
        for (var i = 0; i < stored.Count; i++)
        {
            Assert.Equal(computed[i], stored[i]);
            Assert.Equal(computed[i], fromFull[i]);
        }

        // The stored path really was taken: the page alone (a link carries what the page asks of its target),
        // against the page and one batch per relation.
        Assert.Equal(1, storedCommands);
        Assert.Equal(1, fromFullCommands);
        Assert.Equal(4, computedCommands);
    }

    /// <summary>Every answer of the queries above, for a reader and for a writer, as JSON text.</summary>
    private async Task<List<string>> AnswersAsync()
    {
        var answers = new List<string>();
        foreach (var client in new[] { _reader, _writer })
        {
            answers.Add(await BenchmarkAsync(client));
            string? after = null;
            do
            {
                var page = (await client.GraphQLAsync(EveryField, new { after })).Data["articles"]!;
                answers.Add(page.ToJsonString());
                after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
            }
            while (after is not null);

            answers.Add((await client.GraphQLAsync(NestedPages)).Data.ToJsonString());
            foreach (var ext in new[] { "stored-read-visible", "stored-read-embargoed" })
            {
                var article = (await client.GraphQLAsync(ByExternalId, new { ext })).Data["article"];
                // Only the write scope sees the embargoed article.
                Assert.Equal(ext == "stored-read-visible" || client == _writer, article is JsonObject);
                answers.Add(article?.ToJsonString() ?? "null");
            }
        }

        return answers;
    }

    private static async Task<string> BenchmarkAsync(HttpClient client)
    {
        var nodes = (await client.GraphQLAsync(BenchmarkPage, new { before = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc) })).Data["articles"]!["nodes"]!.AsArray();
        Assert.Equal(20, nodes.Count);
        Assert.Contains(nodes, n => n!["links"]!.AsArray().Any(l => l!["target"] is JsonObject));
        return nodes.ToJsonString();
    }

    private async Task PutAsync(string externalId, string title, DateTime? embargoUntil = null, string[]? links = null)
    {
        var record = new JsonObject
        {
            ["url"] = $"https://stored-read.example/{externalId}",
            ["title"] = title,
            ["summary"] = "ملخص قصير",
            ["body"] = "قالت هيئة التكافؤ الوطنية إن التقرير صدر اليوم.\n\nوأضافت الهيئة أن التقرير يشمل المحافظات كلها.",
            ["language"] = "ar",
            ["publishedAt"] = "2029-11-21T09:00:00Z",
            ["embargoUntil"] = embargoUntil?.ToString("O"),
            ["source"] = new JsonObject { ["name"] = "صحيفة الشروق اليومية", ["kind"] = "newspaper" },
            ["keywords"] = new JsonArray("التقرير الوطني", "المحافظات"),
            ["entities"] = new JsonArray(new JsonObject { ["name"] = "هيئة التكافؤ الوطنية", ["type"] = "organization" }),
            ["links"] = new JsonArray([.. (links ?? []).Select(l => (JsonNode)new JsonObject { ["externalId"] = l, ["kind"] = "related", ["title"] = "عنوان معطى مع الرابط" })]),
        };
        var response = await _writer.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", record, Ct);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
    }
}
