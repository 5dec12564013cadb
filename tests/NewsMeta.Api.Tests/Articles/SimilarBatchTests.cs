using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Articles;

/// <summary>
/// Similar links computed for a whole import batch at once are the ones the same articles get when they
/// are written one by one (each then offered to the earlier ones). Two empty stores, the same records.
/// </summary>
public sealed class SimilarBatchTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_batch_import_links_the_same_similar_articles_as_writing_them_one_by_one()
    {
        var records = Records();

        await using var batchStore = new EmptyNewsMetaFactory();
        var batchWriter = batchStore.ClientWithKey(NewsMetaFactory.WriteKey);
        var import = await batchWriter.PostAsync("/api/v1/articles/import",
            new StringContent(string.Join('\n', records.Select(r => r.ToJsonString())) + "\n", System.Text.Encoding.UTF8, "application/x-ndjson"), Ct);
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        Assert.Equal(records.Count, (await import.NodeAsync())["created"]!.GetValue<int>());

        await using var singleStore = new EmptyNewsMetaFactory();
        var singleWriter = singleStore.ClientWithKey(NewsMetaFactory.WriteKey);
        foreach (var record in records)
        {
            var put = await singleWriter.PutAsJsonAsync($"/api/v1/articles/by-external-id/{record["externalId"]}", record, Ct);
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Ct));
        }

        var batch = await SimilarByExternalIdAsync(batchWriter, records);
        var single = await SimilarByExternalIdAsync(singleWriter, records);

        // Not vacuous: each group links within itself and the shared keyword bridges the groups once.
        Assert.Equal(["batch-1", "batch-2", "batch-3", "batch-4", "batch-5"], batch["batch-0"]);
        Assert.Equal(["batch-0", "batch-1", "batch-2", "batch-3", "batch-4", "batch-6"], batch["batch-5"]);
        Assert.Equal(["batch-10", "batch-11", "batch-5", "batch-7", "batch-8", "batch-9"], batch["batch-6"]);
        foreach (var record in records)
        {
            var id = record["externalId"]!.GetValue<string>();
            Assert.Equal(single[id], batch[id]);
        }
    }

    /// <summary>
    /// Twelve articles: two groups of six naming one entity each; batch-5 and batch-6 share a keyword.
    /// No publisher links between them: an article written after one it links to leaves that one out of
    /// its own list and so never offers itself to it, while a batch computes the earlier one's list afresh.
    /// </summary>
    private static List<JsonObject> Records() =>
        Enumerable.Range(0, 12).Select(i =>
        {
            var group = i < 6 ? "هيئة الموانئ الجنوبية" : "مرصد الرمال الشرقي";
            var keywords = new JsonArray($"كلمة خاصة {i} أولى", $"كلمة خاصة {i} ثانية", $"كلمة خاصة {i} ثالثة");
            if (i is 5 or 6)
            {
                keywords.Add("جسر المجموعتين");
            }

            var record = new JsonObject
            {
                ["externalId"] = $"batch-{i}",
                ["title"] = $"خبر رقم {i} عن {group}",
                ["body"] = $"تفاصيل الخبر رقم {i} عن {group} في سطور قليلة.",
                ["language"] = "ar",
                ["publishedAt"] = $"2026-11-26T09:{i:00}:00Z",
                ["source"] = new JsonObject { ["name"] = "موقع الأفق الإخباري", ["kind"] = "site" },
                ["keywords"] = keywords,
                ["entities"] = new JsonArray(new JsonObject { ["name"] = group, ["type"] = "organization" }),
            };
            return record;
        }).ToList();

    /// <summary>Each article's computed similar links, as the externalIds of their targets in order.</summary>
    private static async Task<Dictionary<string, List<string>>> SimilarByExternalIdAsync(HttpClient client, List<JsonObject> records)
    {
        var ids = new Dictionary<int, string>();
        foreach (var record in records)
        {
            var externalId = record["externalId"]!.GetValue<string>();
            var article = await (await client.GetAsync($"/api/v1/articles/by-external-id/{externalId}", Ct)).NodeAsync();
            ids[article["id"]!.GetValue<int>()] = externalId;
        }

        var similar = new Dictionary<string, List<string>>();
        foreach (var (id, externalId) in ids)
        {
            var links = (await (await client.GetAsync($"/api/v1/articles/{id}/links", Ct)).NodeAsync()).AsArray();
            similar[externalId] = links.Where(l => l!["origin"]!.GetValue<string>() == "computed")
                .Select(l => ids[l!["targetId"]!.GetValue<int>()]).Order(StringComparer.Ordinal).ToList();
        }

        return similar;
    }
}
