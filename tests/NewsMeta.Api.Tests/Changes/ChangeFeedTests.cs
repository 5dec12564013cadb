using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Changes;

/// <summary>GET /api/v1/changes: a partner polling it mirrors the store exactly, deletions and re-creations included.</summary>
public sealed class ChangeFeedTests(ChangeFeedTests.Factory factory) : IClassFixture<ChangeFeedTests.Factory>
{
    private readonly HttpClient _writer = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private readonly HttpClient _partner = factory.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_mirror_fed_by_the_feed_equals_the_store_across_creates_updates_deletes_and_recreates()
    {
        var mirror = new Dictionary<int, (string ExternalId, string Title)>();
        await PutAsync("feed-a", "الخبر أ");
        await PutAsync("feed-b", "الخبر ب");
        var c = await PutAsync("feed-c", "الخبر ج");
        var token = await PollAsync(null, mirror);
        Assert.Equal(["feed-a", "feed-b", "feed-c"], Ours(mirror).Select(v => v.Value.ExternalId).Order());

        await PutAsync("feed-b", "الخبر ب بعد التعديل");
        Assert.Equal(HttpStatusCode.NoContent, (await _writer.DeleteAsync($"/api/v1/articles/{c}", Ct)).StatusCode);
        var recreated = await PutAsync("feed-c", "الخبر ج من جديد");
        await PutAsync("feed-d", "الخبر د");
        var a = (await (await _writer.GetAsync("/api/v1/articles/by-external-id/feed-a", Ct)).NodeAsync())["id"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.NoContent, (await _writer.DeleteAsync($"/api/v1/articles/{a}", Ct)).StatusCode);

        var changes = new List<JsonNode>();
        var last = await PollAsync(token, mirror, changes);
        Assert.Equal(
            [("updated", "feed-b"), ("deleted", "feed-c"), ("created", "feed-c"), ("created", "feed-d"), ("deleted", "feed-a")],
            changes.Select(x => (x["change"]!.GetValue<string>(), x["externalId"]!.GetValue<string>())).Where(x => x.Item2.StartsWith("feed-", StringComparison.Ordinal)));
        Assert.NotEqual(c, recreated);

        var store = await (await _partner.GetAsync("/api/v1/articles?limit=100", Ct)).NodeAsync();
        var expected = store["items"]!.AsArray().ToDictionary(i => i!["id"]!.GetValue<int>(), i => (i!["externalId"]!.GetValue<string>(), i["title"]!.GetValue<string>()));
        Assert.Equal(Ours(expected).OrderBy(e => e.Key), Ours(mirror).OrderBy(e => e.Key));

        // Nothing new: an empty page and the same token back.
        var idle = await (await _partner.GetAsync($"/api/v1/changes?since={Uri.EscapeDataString(last)}", Ct)).NodeAsync();
        Assert.Empty(idle["items"]!.AsArray());
        Assert.Equal(last, idle["nextSince"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_tampered_token_is_400_and_an_expired_one_410()
    {
        var bad = await _partner.GetAsync("/api/v1/changes?since=not-a-token", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.NodeAsync())["errors"]!["since"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await _partner.GetAsync("/api/v1/changes?limit=0", Ct)).StatusCode);

        await PutAsync("expiry-1", "خبر للتجربة");
        var first = await (await _partner.GetAsync("/api/v1/changes?limit=1", Ct)).NodeAsync();
        var token = first["nextSince"]!.GetValue<string>();
        // With no tombstones kept, any token from the past may have missed a deletion.
        using var forgetful = factory.WithWebHostBuilder(b => b.UseSetting("Changes:TombstoneDays", "0"));
        var gone = await forgetful.CreateClient().GetAsync($"/api/v1/changes?since={Uri.EscapeDataString(token)}", Ct);
        Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
        Assert.Equal("application/problem+json", gone.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task GraphQL_changes_walks_the_same_feed_with_articles_resolved()
    {
        var kept = await PutAsync("gql-kept", "خبر يبقى");
        var gone = await PutAsync("gql-gone", "خبر يحذف");
        Assert.Equal(HttpStatusCode.NoContent, (await _writer.DeleteAsync($"/api/v1/articles/{gone}", Ct)).StatusCode);

        const string Query = "query($since: String) { changes(since: $since, first: 100) { nextSince items { change databaseId externalId article { title } } } }";
        var items = new List<JsonNode>();
        string? since = null;
        while (true)
        {
            var page = (await _partner.GraphQLAsync(Query, new { since })).Data["changes"]!;
            var batch = page["items"]!.AsArray();
            if (batch.Count == 0)
            {
                break;
            }

            items.AddRange(batch.Select(i => i!));
            since = page["nextSince"]!.GetValue<string>();
        }

        var ours = items.Where(i => i["externalId"]!.GetValue<string>().StartsWith("gql-", StringComparison.Ordinal)).ToList();
        Assert.Equal([("created", kept), ("deleted", gone)], ours.Select(i => (i["change"]!.GetValue<string>(), i["databaseId"]!.GetValue<int>())));
        Assert.Equal("خبر يبقى", ours[0]["article"]!["title"]!.GetValue<string>());
        Assert.Null(ours[1]["article"]);

        var bad = await _partner.GraphQLAsync(Query, new { since = "not-a-token" });
        Assert.Equal("BAD_USER_INPUT", bad.FirstCode);
    }

    // Only this test's articles: the fixture's other test writes its own.
    private static IEnumerable<KeyValuePair<int, (string ExternalId, string Title)>> Ours(Dictionary<int, (string ExternalId, string Title)> articles) =>
        articles.Where(a => a.Value.ExternalId.StartsWith("feed-", StringComparison.Ordinal));

    /// <summary>Polls until a page comes back empty, applying every change; returns the last token.</summary>
    private async Task<string> PollAsync(string? since, Dictionary<int, (string ExternalId, string Title)> mirror, List<JsonNode>? seen = null)
    {
        while (true)
        {
            var url = "/api/v1/changes?limit=2" + (since is null ? "" : $"&since={Uri.EscapeDataString(since)}");
            var page = await (await _partner.GetAsync(url, Ct)).NodeAsync();
            var items = page["items"]!.AsArray();
            foreach (var item in items)
            {
                seen?.Add(item!);
                var id = item!["id"]!.GetValue<int>();
                if (item["change"]!.GetValue<string>() == "deleted")
                {
                    Assert.Null(item["article"]);
                    mirror.Remove(id);
                }
                else
                {
                    mirror[id] = (item["article"]!["externalId"]!.GetValue<string>(), item["article"]!["title"]!.GetValue<string>());
                }
            }

            var next = page["nextSince"]?.GetValue<string>();
            if (items.Count == 0)
            {
                return next ?? since!;
            }

            since = next;
        }
    }

    private async Task<int> PutAsync(string externalId, string title)
    {
        var response = await _writer.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", new
        {
            title,
            body = $"{title}: نص.",
            language = "ar",
            publishedAt = "2026-11-27T09:00:00Z",
            source = new { name = "صحيفة الواحة", kind = "newspaper" },
            keywords = new[] { "أخبار", "تجربة", "مرآة" },
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.NodeAsync())["id"]!.GetValue<int>();
    }

    /// <summary>An empty store (so the feed holds only this test's articles) with no settle delay.</summary>
    public sealed class Factory : NewsMetaFactory
    {
        protected override bool Seed => false;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Settings["Changes:SettleSeconds"] = "0";
            base.ConfigureWebHost(builder);
        }
    }
}
