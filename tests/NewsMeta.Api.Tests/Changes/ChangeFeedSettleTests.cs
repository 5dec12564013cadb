using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Changes;

/// <summary>
/// Changes:SettleSeconds: the feed serves a change only once it is that old (PostgreSQL writers commit out
/// of stamp order, so a younger change could still be joined by an older one). On a fake clock, so the
/// window is crossed by moving time, not by waiting for it.
/// </summary>
public sealed class ChangeFeedSettleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_change_is_served_only_once_it_is_older_than_the_settle_window()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = new EmptyNewsMetaFactory { Clock = clock, Settings = { ["Changes:SettleSeconds"] = "5" } };
        var writer = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        var partner = factory.CreateClient();

        await PutAsync(writer, "settle-1", "خبر ينتظر أن يستقر");
        Assert.Empty((await PollAsync(partner, null))["items"]!.AsArray());
        clock.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Empty((await PollAsync(partner, null))["items"]!.AsArray());
        clock.Advance(TimeSpan.FromSeconds(0.2));
        var first = await PollAsync(partner, null);
        Assert.Equal([("created", "settle-1")], Changes(first));
        var token = first["nextSince"]!.GetValue<string>();

        // Two newer changes wait their turn; the token comes back unchanged meanwhile.
        await PutAsync(writer, "settle-1", "خبر ينتظر أن يستقر بعد التعديل");
        await PutAsync(writer, "settle-2", "خبر آخر ينتظر");
        clock.Advance(TimeSpan.FromSeconds(4));
        var waiting = await PollAsync(partner, token);
        Assert.Empty(waiting["items"]!.AsArray());
        Assert.Equal(token, waiting["nextSince"]!.GetValue<string>());
        clock.Advance(TimeSpan.FromSeconds(1.1));
        Assert.Equal([("updated", "settle-1"), ("created", "settle-2")], Changes(await PollAsync(partner, token)));
    }

    private static async Task<JsonNode> PollAsync(HttpClient client, string? since) =>
        await (await client.GetAsync(since is null ? "/api/v1/changes" : $"/api/v1/changes?since={Uri.EscapeDataString(since)}", Ct)).NodeAsync();

    private static List<(string, string)> Changes(JsonNode page) =>
        [.. page["items"]!.AsArray().Select(c => (c!["change"]!.GetValue<string>(), c["externalId"]!.GetValue<string>()))];

    private static async Task PutAsync(HttpClient client, string externalId, string title)
    {
        var response = await client.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", new
        {
            title,
            body = $"{title}: نص.",
            language = "ar",
            publishedAt = "2026-11-27T09:00:00Z",
            source = new { name = "صحيفة الواحة", kind = "newspaper" },
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
