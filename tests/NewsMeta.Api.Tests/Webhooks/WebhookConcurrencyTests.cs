using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;
using static NewsMeta.Api.Tests.Webhooks.WebhookTests;

namespace NewsMeta.Api.Tests.Webhooks;

/// <summary>
/// A receiver that never answers holds only its own subscription: deliveries go out concurrently, at most one
/// in flight per subscription (so each subscription's stay in order), and the places go round the subscriptions.
/// </summary>
public sealed class WebhookConcurrencyTests
{
    private static readonly string[] Created = ["article.created"];

    [Fact]
    public async Task A_receiver_that_never_answers_does_not_delay_another_subscriptions_deliveries()
    {
        // The hanging receiver's timeout is far off: only releasing it ends its delivery.
        await using var factory = new WebhookFactory { Settings = { ["Webhooks:TimeoutSeconds"] = "600" } };
        await using var hanging = new WebhookReceiver();
        await using var healthy = new WebhookReceiver();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hanging.Hold = release.Task;
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        // Subscribed first: its deliveries are the older ones, the first a one-at-a-time dispatcher would send.
        var stuck = await SubscribeAsync(client, hanging.Url(), Created);
        var fine = await SubscribeAsync(client, healthy.Url(), Created);
        await PutAsync(client, "hol-1", "خبر أول عن افتتاح سوق الخضار");
        await PutAsync(client, "hol-2", "خبر ثان عن افتتاح سوق الخضار");

        var drain = factory.SendDueAsync();
        try
        {
            // Both of the healthy receiver's deliveries, in order, while the hanging one still holds its first.
            var got = await healthy.WaitForAsync(r => r.Count >= 2);
            Assert.Equal(["hol-1", "hol-2"], got.Select(ExternalId));
            // The hanging receiver's first request is sent beside the healthy ones; on a loaded machine it may
            // arrive after them, so wait for its arrival (it is never answered, so no second can follow).
            Assert.Equal(["hol-1"], (await hanging.WaitForAsync(r => r.Count >= 1)).Select(ExternalId));
            Assert.False(drain.IsCompleted);
            var waiting = await DeliveryAsync(client, stuck, d => d["externalId"]!.GetValue<string>() == "hol-1");
            Assert.Equal(("pending", 0), (waiting["status"]!.GetValue<string>(), waiting["attempts"]!.GetValue<int>()));
            // The receiver has the request before the dispatcher stores its answer: wait for the stored outcome.
            Assert.Equal("delivered", await SettledStatusAsync(client, fine, "hol-2"));
        }
        finally
        {
            release.SetResult();
        }

        // Released: its first delivery is answered, then (one at a time, in order) its second is sent.
        Assert.Equal(4, await drain);
        Assert.Equal(["hol-1", "hol-2"], hanging.Requests.Select(ExternalId));
        Assert.All((await (await client.GetAsync($"/api/v1/webhooks/{stuck}/deliveries", Ct)).NodeAsync())["items"]!.AsArray(),
            d => Assert.Equal("delivered", d!["status"]!.GetValue<string>()));
    }

    /// <summary>The delivery's status once it is no longer pending, or "pending" after 10 s.</summary>
    private static async Task<string> SettledStatusAsync(HttpClient client, int subscription, string externalId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var status = (await DeliveryAsync(client, subscription, d => d["externalId"]!.GetValue<string>() == externalId))["status"]!.GetValue<string>();
            if (status != "pending" || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(20, Ct);
        }
    }

    [Fact]
    public async Task Free_places_go_round_the_subscriptions_before_a_backlog_takes_a_second()
    {
        // Two places in all, three a subscription: a first-come order would give both to the backlog's oldest two.
        await using var factory = new WebhookFactory
        {
            Settings = { ["Webhooks:MaxConcurrentDeliveries"] = "2", ["Webhooks:MaxInFlightPerSubscription"] = "3", ["Webhooks:TimeoutSeconds"] = "600" },
        };
        await using var backlog = new WebhookReceiver();
        await using var quiet = new WebhookReceiver();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        backlog.Hold = release.Task;
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        await SubscribeAsync(client, backlog.Url(), Created);
        for (var i = 1; i <= 3; i++)
        {
            await PutAsync(client, $"fair-{i}", $"خبر رقم {i} عن مهرجان التمور");
        }

        await SubscribeAsync(client, quiet.Url(), Created);
        await PutAsync(client, "fair-4", "خبر رقم 4 عن مهرجان التمور");

        var drain = factory.SendDueAsync();
        try
        {
            // The quiet subscription's one delivery (the newest of all five) had a place while the backlog's first
            // hangs; first come, first served would have given both places to the backlog, and quiet would wait.
            Assert.Equal(["fair-4"], (await quiet.WaitForAsync(r => r.Count >= 1)).Select(ExternalId));
            // The backlog's held one (not necessarily fair-1: with three places a subscription, its sends race).
            Assert.Single(await backlog.WaitForAsync(r => r.Count >= 1));
        }
        finally
        {
            release.SetResult();
        }

        Assert.Equal(5, await drain);
        Assert.Equal(["fair-1", "fair-2", "fair-3", "fair-4"], backlog.Requests.Select(ExternalId).Order());
    }

    [Fact]
    public async Task A_drain_sends_a_subscriptions_whole_backlog_one_after_another()
    {
        // One place a subscription: each send frees the place for the next. A send that finishes while a claim
        // round is looking must not end the drain with the rest of the backlog still due.
        const int Count = 40;
        await using var factory = new WebhookFactory();
        await using var receiver = new WebhookReceiver();
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        var id = await SubscribeAsync(client, receiver.Url(), Created);
        var expected = new List<string>();
        for (var i = 1; i <= Count; i++)
        {
            expected.Add($"backlog-{i}");
            await PutAsync(client, $"backlog-{i}", $"خبر رقم {i} عن سوق الكتب المستعملة");
        }

        Assert.Equal(Count, await factory.SendDueAsync());
        Assert.Equal(expected, receiver.Requests.Select(ExternalId));
        var log = (await (await client.GetAsync($"/api/v1/webhooks/{id}/deliveries?limit=100", Ct)).NodeAsync())["items"]!.AsArray();
        Assert.Equal(Count, log.Count(d => d!["status"]!.GetValue<string>() == "delivered"));
    }

    private static string ExternalId(WebhookReceiver.Received r) => JsonNode.Parse(r.Body)!["externalId"]!.GetValue<string>();
}
