using System.Net;
using System.Net.Http.Json;
using NewsMeta.Api.Features.Webhooks;
using NewsMeta.Api.Tests.Infrastructure;
using static NewsMeta.Api.Tests.Webhooks.WebhookTests;

namespace NewsMeta.Api.Tests.Webhooks;

/// <summary>
/// Where deliveries may go, checked when they are sent: a partner's allowed name its DNS points at an
/// internal address is refused at connect time (nothing reaches what answers there), an internal address
/// the allow-list names literally is still reached, and a subscription the allow-list no longer admits is
/// paused and its deliveries are not sent.
/// </summary>
public sealed class WebhookAddressTests
{
    private const string PartnerHost = "hooks.partner.test";
    private static readonly string[] Created = ["article.created"];

    [Fact]
    public async Task An_allowed_name_resolving_to_loopback_is_refused_while_a_listed_loopback_literal_delivers()
    {
        await using var receiver = new WebhookReceiver();
        await using var factory = new WebhookFactory(dns: new Dictionary<string, IPAddress[]> { [PartnerHost] = [IPAddress.Loopback] })
        {
            Settings = { ["Webhooks:AllowedUrls:0"] = "http://127.0.0.1:*/literal/", ["Webhooks:AllowedUrls:1"] = $"http://{PartnerHost}:*/" },
        };
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        var literal = await SubscribeAsync(client, receiver.Url("literal/hooks"), Created);
        var partner = await SubscribeAsync(client, $"http://{PartnerHost}:{receiver.Port}/hooks", Created);

        await PutAsync(client, "ssrf-1", "خبر عن افتتاح جسر المدينة");
        Assert.Equal(2, await factory.SendDueAsync());

        // The receiver on 127.0.0.1 got the literal subscription's delivery and nothing else.
        var received = Assert.Single(receiver.Requests);
        Assert.Equal("/literal/hooks", received.Path);
        Assert.Equal("delivered", (await DeliveryAsync(client, literal, _ => true))["status"]!.GetValue<string>());

        // The partner's: failed at once (no retry), with why, and no status from whatever answered inside.
        var refused = await DeliveryAsync(client, partner, _ => true);
        Assert.Equal(("failed", 1), (refused["status"]!.GetValue<string>(), refused["attempts"]!.GetValue<int>()));
        Assert.Null(refused["lastStatusCode"]);
        Assert.Equal($"refused: {PartnerHost} resolves to an internal address (loopback) that Webhooks:AllowedUrls does not name explicitly", refused["lastError"]!.GetValue<string>());
        factory.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await factory.SendDueAsync());
        Assert.Single(receiver.Requests);

        // The URL itself is still allowed: the subscription stays active (its DNS, not the allow-list, is at fault).
        var subscription = await (await client.GetAsync($"/api/v1/webhooks/{partner}", Ct)).NodeAsync();
        Assert.Equal("active", subscription["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("169.254.169.254", "cloud metadata")]
    [InlineData("::ffff:169.254.169.254", "cloud metadata")] // the same address in IPv6 clothing
    [InlineData("169.254.10.1", "link-local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("10.20.30.40", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("fd00::5", "private")]
    [InlineData("100.64.0.1", "shared (CGNAT)")]
    [InlineData("0.0.0.0", "unspecified")]
    [InlineData("::1", "loopback")]
    public async Task An_allowed_name_resolving_to_an_internal_address_is_refused_without_connecting(string address, string kind)
    {
        await using var factory = new WebhookFactory(dns: new Dictionary<string, IPAddress[]> { [PartnerHost] = [IPAddress.Parse(address)] })
        {
            Settings = { ["Webhooks:AllowedUrls:0"] = $"http://{PartnerHost}/", ["Webhooks:AllowedUrls:1"] = $"http://{PartnerHost}/" },
        };
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        var id = await SubscribeAsync(client, $"http://{PartnerHost}/latest/meta-data", Created);

        await PutAsync(client, "ssrf-2", "خبر عن موسم الحصاد");
        Assert.Equal(1, await factory.SendDueAsync());

        // The refusal, not a connection error or a timeout: no connection to the address was tried.
        var refused = await DeliveryAsync(client, id, _ => true);
        Assert.Equal("failed", refused["status"]!.GetValue<string>());
        Assert.Null(refused["lastStatusCode"]);
        Assert.Equal($"refused: {PartnerHost} resolves to an internal address ({kind}) that Webhooks:AllowedUrls does not name explicitly", refused["lastError"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_name_with_one_public_and_one_internal_address_connects_only_to_the_public_one()
    {
        // 192.0.2.1 (documentation range) is public to the check and answers nothing here: the connection
        // error, not the loopback receiver's 204, proves the internal address was dropped.
        await using var receiver = new WebhookReceiver();
        await using var factory = new WebhookFactory(dns: new Dictionary<string, IPAddress[]> { [PartnerHost] = [IPAddress.Loopback, IPAddress.Parse("192.0.2.1")] })
        {
            Settings = { ["Webhooks:AllowedUrls:0"] = $"http://{PartnerHost}:*/", ["Webhooks:AllowedUrls:1"] = $"http://{PartnerHost}:*/", ["Webhooks:TimeoutSeconds"] = "1" },
        };
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        var id = await SubscribeAsync(client, $"http://{PartnerHost}:{receiver.Port}/hooks", Created);

        await PutAsync(client, "ssrf-3", "خبر عن سباق الدراجات");
        Assert.Equal(1, await factory.SendDueAsync());

        Assert.Empty(receiver.Requests);
        var delivery = await DeliveryAsync(client, id, _ => true);
        Assert.Equal(("pending", 1), (delivery["status"]!.GetValue<string>(), delivery["attempts"]!.GetValue<int>()));
        Assert.DoesNotContain("Webhooks:AllowedUrls", delivery["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Localhost_in_the_allow_list_names_loopback_explicitly()
    {
        await using var receiver = new WebhookReceiver();
        await using var factory = new WebhookFactory { Settings = { ["Webhooks:AllowedUrls:0"] = "http://localhost:*/", ["Webhooks:AllowedUrls:1"] = "http://localhost:*/" } };
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        var id = await SubscribeAsync(client, $"http://localhost:{receiver.Port}/hooks", Created);

        await PutAsync(client, "ssrf-4", "خبر عن معرض الزهور");
        Assert.Equal(1, await factory.SendDueAsync());

        Assert.Equal("/hooks", Assert.Single(receiver.Requests).Path);
        Assert.Equal("delivered", (await DeliveryAsync(client, id, _ => true))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_subscription_the_allow_list_no_longer_admits_is_paused_and_its_deliveries_are_not_sent()
    {
        await using var receiver = new WebhookReceiver();
        await using var before = new WebhookFactory();
        var client = before.ClientWithKey(NewsMetaFactory.WriteKey);
        var id = await SubscribeAsync(client, receiver.Url(), Created);
        var created = await (await client.GetAsync($"/api/v1/webhooks/{id}", Ct)).NodeAsync();
        Assert.Equal("active", created["status"]!.GetValue<string>());
        Assert.Null(created["pausedReason"]);
        await PutAsync(client, "paused-1", "خبر كتب قبل تغيير القائمة");

        // The same store after a restart with an allow-list that no longer names 127.0.0.1.
        await using var after = new WebhookFactory(clock: before.Time)
        {
            Database = before.Database,
            Settings = { ["Webhooks:AllowedUrls:0"] = $"https://{PartnerHost}/", ["Webhooks:AllowedUrls:1"] = $"https://{PartnerHost}/" },
        };
        var afterClient = after.ClientWithKey(NewsMetaFactory.WriteKey);
        var paused = await (await afterClient.GetAsync($"/api/v1/webhooks/{id}", Ct)).NodeAsync();
        Assert.Equal("paused", paused["status"]!.GetValue<string>());
        Assert.Equal(WebhookSubscriptions.PausedReason, paused["pausedReason"]!.GetValue<string>());
        var listed = (await (await afterClient.GetAsync("/api/v1/webhooks", Ct)).NodeAsync())["items"]!.AsArray();
        Assert.Equal("paused", Assert.Single(listed)!["status"]!.GetValue<string>());
        var graph = Assert.Single((await afterClient.GraphQLAsync("{ webhooks { id status pausedReason } }")).Data["webhooks"]!.AsArray())!;
        Assert.Equal(("paused", WebhookSubscriptions.PausedReason), (graph["status"]!.GetValue<string>(), graph["pausedReason"]!.GetValue<string>()));

        await PutAsync(afterClient, "paused-2", "خبر كتب بعد تغيير القائمة");
        Assert.Equal(2, await after.SendDueAsync());
        Assert.Empty(receiver.Requests);
        var log = (await (await afterClient.GetAsync($"/api/v1/webhooks/{id}/deliveries", Ct)).NodeAsync())["items"]!.AsArray();
        Assert.Equal(2, log.Count);
        Assert.All(log, d => Assert.Equal(("failed", 0, WebhookSubscriptions.PausedReason), (d!["status"]!.GetValue<string>(), d["attempts"]!.GetValue<int>(), d["lastError"]!.GetValue<string>())));
        before.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await after.SendDueAsync());
        Assert.Equal(0, await before.SendDueAsync());
        Assert.Empty(receiver.Requests);
    }
}
