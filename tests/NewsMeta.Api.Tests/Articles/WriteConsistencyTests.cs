using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Tests.Infrastructure;
using NewsMeta.Api.Tests.Webhooks;

namespace NewsMeta.Api.Tests.Articles;

/// <summary>
/// Random sequences of writes through every path (REST PUT, GraphQL upsert, NDJSON import, page import,
/// entity rename/alias/merge, delete, relink); after each sequence the outbox, the change feed, the
/// counts and the cached reads must agree with the store. Bounded: 20 sequences of at most 15 writes.
/// </summary>
public sealed class WriteConsistencyTests
{
    private const int Articles = 6;
    private static readonly string[] Names = ["هيئة المياه", "شركة سحاب", "مجلس المدينة", "نادي الغواصين"];
    private static readonly string[] Spellings = ["سحاب", "الغواصين", "المجلس البلدي", "الهيئة"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>One write: which path, on which article, with which text, on which entities.</summary>
    public sealed record Op(int Path, int Article, int Variant, int Entity, int Other);

    private static readonly Gen<Op> AnyOp = Gen.Select(Gen.Int[0, 8], Gen.Int[0, Articles - 1], Gen.Int[0, 3], Gen.Int[0, 9], Gen.Int[0, 9], (p, a, v, e, o) => new Op(p, a, v, e, o));

    [Fact]
    public async Task Every_write_path_keeps_outbox_feed_counts_and_cached_reads_in_step()
    {
        await using var writer = new WebhookFactory();
        await using var fresh = new EmptyNewsMetaFactory { Database = writer.Database, Settings = { ["Caching:InProcess"] = "false" } };
        await using var receiver = new WebhookReceiver();
        var client = writer.ClientWithKey(NewsMetaFactory.WriteKey);
        var freshClient = fresh.ClientWithKey(NewsMetaFactory.ReadKey);
        await WebhookTests.SubscribeAsync(client, receiver.Url(), ["article.created", "article.updated", "article.deleted"]);
        var renames = 0;
        var succeeded = new int[9];

        await AnyOp.Array[1, 15].SampleAsync(async ops =>
        {
            foreach (var op in ops)
            {
                if (await ApplyAsync(writer, client, op, () => ++renames))
                {
                    succeeded[op.Path]++;
                }

                // A cached read between writes: a stale cache would show at the end.
                await client.GetAsync("/api/v1/articles?limit=100", Ct);
            }

            await AssertConsistentAsync(writer, client, freshClient);
        }, iter: 20, threads: 1);

        // Every path really wrote, not just refused: the checks above saw each kind of change.
        TestContext.Current.SendDiagnosticMessage("Successful writes by path: " + string.Join(", ", succeeded));
        Assert.All(succeeded, n => Assert.True(n > 0, string.Join(", ", succeeded)));
    }

    /// <summary>Applies one write; true when it was accepted.</summary>
    private static async Task<bool> ApplyAsync(WebhookFactory factory, HttpClient client, Op op, Func<int> nextRename)
    {
        var externalId = $"consistency-{op.Article}";
        HttpResponseMessage? response = null;
        switch (op.Path)
        {
            case 0:
                response = await client.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", Record(op), Ct);
                break;
            case 1:
                var graph = await client.GraphQLAsync(
                    "mutation($input: UpsertArticleInput!) { upsertArticle(input: $input) { status userErrors { field message } } }",
                    new { input = new { externalId, title = Title(op), body = Body(op), language = "ar", publishedAt = "2026-11-27T09:00:00Z", source = new { name = "صحيفة الواحة", kind = "NEWSPAPER" } } });
                Assert.True(graph.Body["errors"] is null, graph.Body.ToJsonString());
                return graph.Data["upsertArticle"]!["userErrors"]!.AsArray().Count == 0;
            case 2:
                var lines = new[] { op, op with { Article = (op.Article + 1) % Articles } }
                    .Select(o => new JsonObject(Record(o).AsObject().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone()))) { ["externalId"] = $"consistency-{o.Article}" }.ToJsonString());
                response = await Ingestion.ImportExportTests.ImportAsync(client, string.Join('\n', lines) + "\n");
                break;
            case 3:
                using (var page = new StringContent($"{Body(op)}\n\nالمصدر: صحيفة الشروق اليومية\n", Encoding.UTF8, "text/plain"))
                {
                    response = await client.PostAsync($"/api/v1/articles/import-page?externalId={externalId}&title={Uri.EscapeDataString(Title(op))}&publishedAt=2026-11-24T09:00:00Z", page, Ct);
                }

                break;
            case 4 or 5 or 6:
                var entities = (await (await client.GetAsync("/api/v1/entities?limit=100", Ct)).NodeAsync())["items"]!.AsArray();
                if (entities.Count == 0)
                {
                    return false;
                }

                var entity = entities[op.Entity % entities.Count]!;
                var id = entity["id"]!.GetValue<int>();
                response = op.Path switch
                {
                    4 => await client.PutAsJsonAsync($"/api/v1/entities/{id}", new { name = $"{Names[op.Other % Names.Length]} الجديدة {nextRename()}", type = entity["type"]!.GetValue<string>() }, Ct),
                    5 => await client.PostAsJsonAsync($"/api/v1/entities/{id}/aliases", new { alias = Spellings[op.Other % Spellings.Length] }, Ct),
                    _ => entities.Count < 2 ? null : await client.PostAsJsonAsync($"/api/v1/entities/{id}/merge",
                        new { from = new[] { entities[(op.Entity + 1 + (op.Other % (entities.Count - 1))) % entities.Count]!["id"]!.GetValue<int>() } }, Ct),
                };
                break;
            case 7:
                var found = await client.GetAsync($"/api/v1/articles/by-external-id/{externalId}", Ct);
                if (found.IsSuccessStatusCode)
                {
                    response = await client.DeleteAsync($"/api/v1/articles/{(await found.NodeAsync())["id"]}", Ct);
                }

                break;
            default:
                await using (var scope = factory.Services.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<EntityLinker>().RelinkAllAsync(null, Ct);
                }

                return true;
        }

        // Refusals (an alias another entity owns, say) are fine; a server error never is.
        Assert.True(response is null || (int)response.StatusCode < 500, response is null ? "" : await response.Content.ReadAsStringAsync(Ct));
        return response?.IsSuccessStatusCode == true;
    }

    private static async Task AssertConsistentAsync(WebhookFactory factory, HttpClient client, HttpClient freshClient)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var live = await db.Articles.AsNoTracking().Select(a => new { a.Id, a.Version, a.ChangedAt }).ToListAsync(Ct);
        var tombstones = await db.ArticleTombstones.AsNoTracking().Select(t => t.ArticleId).ToListAsync(Ct);
        var deliveries = await db.WebhookDeliveries.AsNoTracking().Select(d => new { d.ArticleId, d.Event }).ToListAsync(Ct);

        // Every change once in the outbox: a created, then one updated per later version; one deleted per deletion.
        var byArticle = deliveries.ToLookup(d => d.ArticleId, d => d.Event);
        foreach (var article in live)
        {
            var events = byArticle[article.Id].ToList();
            Assert.Equal((1, article.Version - 1, 0), (events.Count(e => e == "article.created"), events.Count(e => e == "article.updated"), events.Count(e => e == "article.deleted")));
        }

        foreach (var id in tombstones)
        {
            Assert.Single(byArticle[id], e => e == "article.deleted");
        }

        // The change feed from the start: each live article once at its latest change, each deleted one once.
        factory.Time.Advance(TimeSpan.FromSeconds(30));
        var feed = new List<JsonNode>();
        string? since = null;
        do
        {
            var page = await (await client.GetAsync("/api/v1/changes?limit=100" + (since is null ? "" : "&since=" + Uri.EscapeDataString(since)), Ct)).NodeAsync();
            var items = page["items"]!.AsArray().Select(i => i!).ToList();
            feed.AddRange(items);
            since = items.Count == 0 ? null : page["nextSince"]?.GetValue<string>();
        }
        while (since is not null);

        Assert.Equal(live.Select(a => a.Id).Concat(tombstones).Order(), feed.Select(i => i["id"]!.GetValue<int>()).Order());
        var changedAt = live.ToDictionary(a => a.Id, a => a.ChangedAt);
        foreach (var item in feed)
        {
            var id = item["id"]!.GetValue<int>();
            if (changedAt.TryGetValue(id, out var at))
            {
                Assert.NotEqual("deleted", item["change"]!.GetValue<string>());
                Assert.Equal(at, item["at"]!.GetValue<DateTime>().ToUniversalTime());
            }
            else
            {
                Assert.Equal("deleted", item["change"]!.GetValue<string>());
            }
        }

        // Every count equals a recount.
        var entityCounts = await db.Entities.AsNoTracking().Select(e => new { e.Id, e.ArticleCount, Recount = db.ArticleEntities.Count(x => x.EntityId == e.Id) }).ToListAsync(Ct);
        Assert.All(entityCounts, e => Assert.Equal(e.Recount, e.ArticleCount));
        var keywordCounts = await db.Keywords.AsNoTracking().Select(k => new { k.Id, k.ArticleCount, Recount = db.ArticleKeywords.Count(x => x.KeywordId == k.Id) }).ToListAsync(Ct);
        Assert.All(keywordCounts, k => Assert.Equal(k.Recount, k.ArticleCount));
        var sourceCounts = await db.Sources.AsNoTracking().Select(s => new { s.Id, s.ArticleCount, Recount = db.Articles.Count(a => a.SourceId == s.Id) }).ToListAsync(Ct);
        Assert.All(sourceCounts, s => Assert.Equal(s.Recount, s.ArticleCount));

        // Every mention and tag carries its article's publishedAt (the list key of entity and keyword pages).
        Assert.Empty(await db.ArticleEntities.AsNoTracking().Where(x => x.PublishedAt != x.Article.PublishedAt).Select(x => new { x.ArticleId, x.EntityId }).ToListAsync(Ct));
        Assert.Empty(await db.ArticleKeywords.AsNoTracking().Where(x => x.PublishedAt != x.Article.PublishedAt).Select(x => new { x.ArticleId, x.KeywordId }).ToListAsync(Ct));

        // Every cached read equals a fresh one (an instance without a response cache, on the same store).
        var entityLists = await db.Entities.AsNoTracking().OrderBy(e => e.Id).Select(e => $"/api/v1/entities/{e.Id}/articles?limit=100").ToListAsync(Ct);
        foreach (var path in new[] { "/api/v1/articles?limit=100", "/api/v1/entities?limit=100" }.Concat(entityLists).Concat(live.Select(a => $"/api/v1/articles/{a.Id}")))
        {
            var cached = await (await client.GetAsync(path, Ct)).Content.ReadAsStringAsync(Ct);
            var computed = await (await freshClient.GetAsync(path, Ct)).Content.ReadAsStringAsync(Ct);
            Assert.Equal(computed, cached);
        }
    }

    private static string Title(Op op) => $"خبر {op.Article} عن {Names[op.Entity % Names.Length]} نسخة {op.Variant}";

    private static string Body(Op op) =>
        $"قالت {Names[op.Entity % Names.Length]} إن العمل مستمر. وأضافت {Names[op.Other % Names.Length]} أن النسخة {op.Variant} جاهزة، وشكرت {Spellings[(op.Variant + op.Other) % Spellings.Length]} على التعاون.";

    private static JsonNode Record(Op op) => JsonSerializerNode(new
    {
        title = Title(op),
        body = Body(op),
        language = "ar",
        publishedAt = "2026-11-28T09:00:00Z",
        source = new { name = op.Variant % 2 == 0 ? "موقع الأفق الإخباري" : "صحيفة الواحة", kind = "site" },
        entities = op.Variant == 3 ? Array.Empty<object>() : [new { name = Names[(op.Entity + op.Variant) % Names.Length], type = "organization" }],
        keywords = new[] { $"وسم {op.Variant}", Names[op.Other % Names.Length] },
    });

    private static JsonNode JsonSerializerNode(object value) => System.Text.Json.JsonSerializer.SerializeToNode(value)!;
}
