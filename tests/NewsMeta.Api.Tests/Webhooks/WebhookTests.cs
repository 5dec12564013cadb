using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsMeta.Api.Features.Webhooks;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Webhooks;

/// <summary>
/// A store with webhooks on a fake clock. Its background dispatcher is off unless asked for: the tests
/// drain it themselves (<see cref="SendDueAsync"/>) and move <see cref="Time"/> to make retries due, so
/// "nothing more was sent" is a fact of the store, not a guess after a sleep.
/// </summary>
public sealed class WebhookFactory : NewsMetaFactory
{
    private readonly IReadOnlyDictionary<string, IPAddress[]>? _dns;

    /// <param name="dispatch">Whether the dispatcher's own background loop runs (the tests drain it themselves otherwise).</param>
    /// <param name="clock">The instance's clock; a new fake one when null.</param>
    /// <param name="dns">
    /// When given, the receivers' host names resolve through this table instead of the system resolver
    /// (a name not in it does not resolve): a partner's DNS pointing its allowed name anywhere.
    /// </param>
    public WebhookFactory(bool dispatch = false, TimeProvider? clock = null, IReadOnlyDictionary<string, IPAddress[]>? dns = null)
    {
        _dns = dns;
        Clock = clock ?? new FakeTimeProvider(DateTimeOffset.UtcNow);
        Settings["Webhooks:DispatchEnabled"] = dispatch ? "true" : "false";
        Settings["Webhooks:PollMilliseconds"] = "50";
        Settings["Webhooks:MaxAttempts"] = "3";
    }

    /// <summary>This instance's fake clock; with the default Webhooks:RetryBaseSeconds (10) the retries come after about 10 s, then 20 s.</summary>
    public FakeTimeProvider Time => (FakeTimeProvider)Clock!;

    protected override bool Seed => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (_dns is { } dns)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<IWebhookAddressResolver>(new TableResolver(dns)));
        }
    }

    /// <summary>Sends everything due now on this instance, as its dispatcher's loop would; returns how many deliveries it claimed.</summary>
    public Task<int> SendDueAsync() => Services.GetRequiredService<WebhookDispatcher>().SendDueAsync(TestContext.Current.CancellationToken);

    private sealed class TableResolver(IReadOnlyDictionary<string, IPAddress[]> table) : IWebhookAddressResolver
    {
        public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) =>
            table.TryGetValue(host, out var addresses) ? Task.FromResult(addresses) : throw new SocketException((int)SocketError.HostNotFound);
    }
}

/// <summary>
/// Webhooks end to end with a receiver on loopback (allowed in Development): subscription rules, signed
/// deliveries of created/updated/deleted, retries with backoff, the stored outbox surviving the instance
/// that wrote it, and exactly one delivery per event with two instances dispatching.
/// </summary>
public sealed class WebhookTests
{
    private const string Secret = "partner-secret-0123456789";
    private static readonly string[] AllEvents = ["article.created", "article.updated", "article.deleted"];

    internal static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_change_is_delivered_once_signed_with_the_secret_and_logged()
    {
        await using var factory = new WebhookFactory();
        await using var receiver = new WebhookReceiver();
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);

        var created = await client.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url(), events = AllEvents, secret = Secret }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var subscription = await created.NodeAsync();
        Assert.Null(subscription["secret"]);
        Assert.Equal(AllEvents, subscription["events"]!.AsArray().Select(e => e!.GetValue<string>()));
        var id = subscription["id"]!.GetValue<int>();
        Assert.Equal($"/api/v1/webhooks/{id}", created.Headers.Location!.OriginalString);

        var articleId = await PutAsync(client, "hook-1", "افتتاح مكتبة عامة في حي الياسمين");
        await PutAsync(client, "hook-1", "افتتاح مكتبة عامة جديدة في حي الياسمين");
        await PutAsync(client, "hook-1", "افتتاح مكتبة عامة جديدة في حي الياسمين"); // unchanged: no event
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/articles/{articleId}", Ct)).StatusCode);

        Assert.Equal(3, await factory.SendDueAsync());
        var received = receiver.Requests.ToList();
        Assert.Equal(AllEvents, received.Select(r => r.Headers["X-NewsMeta-Event"]));
        // Nothing more is due, now or later (an hour on: no retry was scheduled).
        factory.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await factory.SendDueAsync());
        Assert.Equal(3, receiver.Requests.Count);
        foreach (var request in received)
        {
            Assert.Equal(("POST", "/hooks"), (request.Method, request.Path));
            Assert.StartsWith("application/json", request.Headers["Content-Type"], StringComparison.Ordinal);
            Assert.Equal(Sign(Secret, request.Body), request.Headers["X-NewsMeta-Signature"]);
            Assert.NotEqual(Sign("another-secret-0123456789", request.Body), request.Headers["X-NewsMeta-Signature"]);
            var body = JsonNode.Parse(request.Body)!;
            Assert.Equal(request.Headers["X-NewsMeta-Event"], body["event"]!.GetValue<string>());
            Assert.Equal((articleId, "hook-1", id), (body["articleId"]!.GetValue<int>(), body["externalId"]!.GetValue<string>(), body["subscriptionId"]!.GetValue<int>()));
        }

        // The log: every delivery delivered, with the receiver's status, newest first.
        var log = (await (await client.GetAsync($"/api/v1/webhooks/{id}/deliveries", Ct)).NodeAsync())["items"]!.AsArray();
        Assert.Equal(AllEvents.Reverse(), log.Select(d => d!["event"]!.GetValue<string>()));
        Assert.All(log, d => Assert.Equal(("delivered", 204, 1), (d!["status"]!.GetValue<string>(), d["lastStatusCode"]!.GetValue<int>(), d["attempts"]!.GetValue<int>())));
        Assert.Equal(received.Select(r => r.Headers["X-NewsMeta-Delivery"]).Reverse(), log.Select(d => d!["id"]!.GetValue<long>().ToString(System.Globalization.CultureInfo.InvariantCulture)));

        // Unsubscribed: later changes are not sent.
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/webhooks/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/webhooks/{id}", Ct)).StatusCode);
        await PutAsync(client, "hook-2", "مهرجان الكتاب في حي الياسمين");
        Assert.Equal(0, await factory.SendDueAsync());
        Assert.Equal(3, receiver.Requests.Count);
    }

    [Fact]
    public async Task Subscriptions_and_deliveries_page_by_their_next_cursor()
    {
        await using var factory = new WebhookFactory();
        await using var receiver = new WebhookReceiver();
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        var ids = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await SubscribeAsync(client, receiver.Url($"page-{i}"), ["article.created"]));
        }

        var first = await (await client.GetAsync("/api/v1/webhooks?limit=2", Ct)).NodeAsync();
        var next = await client.GetAsync($"/api/v1/webhooks?limit=2&cursor={first["nextCursor"]!.GetValue<string>()}", Ct);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var second = await next.NodeAsync();
        Assert.Equal(ids, first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(s => s!["id"]!.GetValue<int>()));
        Assert.Null(second["nextCursor"]);

        for (var i = 0; i < 3; i++)
        {
            await PutAsync(client, $"page-hook-{i}", $"خبر رقم {i} عن حديقة الحي");
        }

        var log = await (await client.GetAsync($"/api/v1/webhooks/{ids[0]}/deliveries?limit=2", Ct)).NodeAsync();
        var rest = await client.GetAsync($"/api/v1/webhooks/{ids[0]}/deliveries?limit=2&cursor={log["nextCursor"]!.GetValue<string>()}", Ct);
        Assert.Equal(HttpStatusCode.OK, rest.StatusCode);
        var deliveries = log["items"]!.AsArray().Concat((await rest.NodeAsync())["items"]!.AsArray()).Select(d => d!["id"]!.GetValue<long>()).ToList();
        Assert.Equal(3, deliveries.Distinct().Count());
    }

    [Fact]
    public async Task A_failing_receiver_is_retried_with_backoff_then_the_delivery_is_marked_failed()
    {
        await using var factory = new WebhookFactory();
        await using var receiver = new WebhookReceiver();
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        var createdOnly = await SubscribeAsync(client, receiver.Url("created"), ["article.created"]);

        // 503 twice, then accepted: delivered on the third attempt, each retry only once its backoff has passed.
        receiver.Answer = n => n < 2 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK;
        await PutAsync(client, "retry-1", "تجربة إعادة الإرسال الأولى");
        var firstTry = factory.Time.GetUtcNow();
        Assert.Equal(1, await factory.SendDueAsync());
        var pending = await DeliveryAsync(client, createdOnly, _ => true);
        Assert.Equal(("pending", 1, 503), (pending["status"]!.GetValue<string>(), pending["attempts"]!.GetValue<int>(), pending["lastStatusCode"]!.GetValue<int>()));
        // RetryBaseSeconds (10) ±20 % jitter.
        Assert.InRange(pending["nextAttemptAt"]!.GetValue<DateTimeOffset>() - firstTry, TimeSpan.FromSeconds(7.9), TimeSpan.FromSeconds(12.1));
        factory.Time.Advance(TimeSpan.FromSeconds(7.5));
        Assert.Equal(0, await factory.SendDueAsync()); // not due yet
        factory.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, await factory.SendDueAsync());
        factory.Time.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(0, await factory.SendDueAsync()); // the second backoff is twice as long: 16 to 24 s
        factory.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(1, await factory.SendDueAsync());
        var received = receiver.Requests.ToList();
        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], received.Select(r => r.AnsweredWith));
        Assert.Single(received.Select(r => r.Headers["X-NewsMeta-Delivery"]).Distinct());
        var delivery = await DeliveryAsync(client, createdOnly, d => d["externalId"]!.GetValue<string>() == "retry-1");
        Assert.Equal(("delivered", 3, 200), (delivery["status"]!.GetValue<string>(), delivery["attempts"]!.GetValue<int>(), delivery["lastStatusCode"]!.GetValue<int>()));

        // Always 500: after Webhooks:MaxAttempts (3 here) the delivery is failed, with the last error kept, and never tried again.
        receiver.Answer = _ => HttpStatusCode.InternalServerError;
        await PutAsync(client, "retry-2", "تجربة إعادة الإرسال الثانية");
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(1, await factory.SendDueAsync());
            factory.Time.Advance(TimeSpan.FromSeconds(25));
        }

        factory.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await factory.SendDueAsync());
        var failed = await DeliveryAsync(client, createdOnly, d => d["externalId"]!.GetValue<string>() == "retry-2");
        Assert.Equal(("failed", 3, 500, "HTTP 500"), (failed["status"]!.GetValue<string>(), failed["attempts"]!.GetValue<int>(), failed["lastStatusCode"]!.GetValue<int>(), failed["lastError"]!.GetValue<string>()));
        Assert.Null(failed["nextAttemptAt"]);
        Assert.Equal(6, receiver.Requests.Count);

        // Updates were not subscribed to: the update is stored without a delivery.
        await PutAsync(client, "retry-1", "تجربة إعادة الإرسال الأولى بعد التعديل");
        Assert.Equal(0, await factory.SendDueAsync());
        Assert.Equal(6, receiver.Requests.Count);
        Assert.DoesNotContain(receiver.Requests, r => r.Headers["X-NewsMeta-Event"] != "article.created");
    }

    [Fact]
    public async Task Deliveries_are_stored_with_the_change_and_sent_by_another_instance_when_the_writer_never_sends()
    {
        await using var writer = new WebhookFactory(dispatch: false);
        await using var receiver = new WebhookReceiver();
        var client = writer.ClientWithKey(NewsMetaFactory.WriteKey);
        var id = await SubscribeAsync(client, receiver.Url(), AllEvents);
        await PutAsync(client, "outbox-1", "خبر كتب قبل إعادة التشغيل");
        // Committed with the article, before anything was sent.
        Assert.Empty(receiver.Requests);
        Assert.Equal("pending", (await DeliveryAsync(client, id, _ => true))["status"]!.GetValue<string>());

        // A new instance on the same database (as after a restart), its dispatcher's own loop running on
        // the real clock, finds the stored delivery and sends it: the one test that waits, for that loop.
        await using var restarted = new WebhookFactory(dispatch: true, clock: TimeProvider.System) { Database = writer.Database };
        _ = restarted.Server;
        var received = Assert.Single(await receiver.WaitForAsync(r => r.Count >= 1));
        Assert.Equal("outbox-1", JsonNode.Parse(received.Body)!["externalId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Two_dispatching_instances_send_each_event_exactly_once()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var first = new WebhookFactory(clock: clock);
        await using var second = new WebhookFactory(clock: clock) { Database = first.Database };
        await using var receiver = new WebhookReceiver();
        var a = first.ClientWithKey(NewsMetaFactory.WriteKey);
        var b = second.ClientWithKey(NewsMetaFactory.WriteKey);
        await SubscribeAsync(a, receiver.Url(), AllEvents);

        // Writes through both instances; then both dispatchers race for the same due deliveries, round
        // after round, until neither finds any (each round reads the same due rows; only one claim wins a row).
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => PutAsync(i % 2 == 0 ? a : b, $"twice-{i}", $"الخبر رقم {i} عن سوق السمك")));
        var claimed = 0;
        for (int[] round; (round = await Task.WhenAll(first.SendDueAsync(), second.SendDueAsync())).Sum() > 0;)
        {
            claimed += round.Sum();
        }

        Assert.Equal(40, claimed);
        clock.Advance(TimeSpan.FromHours(1));
        Assert.All(await Task.WhenAll(first.SendDueAsync(), second.SendDueAsync()), nothing => Assert.Equal(0, nothing));
        var received = receiver.Requests.ToList();
        Assert.Equal(40, received.Count);
        Assert.Equal(40, received.Select(r => r.Headers["X-NewsMeta-Delivery"]).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 40).Select(i => $"twice-{i}").Order(), received.Select(r => JsonNode.Parse(r.Body)!["externalId"]!.GetValue<string>()).Order());
    }

    [Fact]
    public async Task Relinking_after_a_catalogue_change_sends_article_updated_for_the_articles_it_changed()
    {
        await using var factory = new WebhookFactory();
        await using var receiver = new WebhookReceiver();
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        // An event: discovery leaves events to the catalogue, so only the catalogue change links it.
        var articleId = await PutAsync(client, "relink-hook-1", "جمهور غفير في افتتاح مهرجان القمرين للفنون");
        await PutAsync(client, "relink-hook-2", "أسعار الخضار مستقرة هذا الأسبوع");
        await SubscribeAsync(client, receiver.Url(), ["article.updated"]);

        var entity = await client.PostAsJsonAsync("/api/v1/entities", new { name = "مهرجان القمرين", type = "event" }, Ct);
        Assert.Equal(HttpStatusCode.Created, entity.StatusCode);
        Assert.True(await factory.Services.GetRequiredService<NewsMeta.Api.Features.NamedEntities.RelinkJob>().RunOnceAsync(Ct));

        Assert.Equal(1, await factory.SendDueAsync());
        var received = Assert.Single(receiver.Requests);
        var body = JsonNode.Parse(received.Body)!;
        Assert.Equal(("article.updated", articleId), (body["event"]!.GetValue<string>(), body["articleId"]!.GetValue<int>()));
        Assert.Equal(0, await factory.SendDueAsync());
    }

    [Theory]
    [InlineData("http://10.0.0.5/hooks", "url")] // not in the allow-list: an internal address
    [InlineData("http://169.254.169.254/latest/meta-data", "url")]
    [InlineData("http://127.0.0.1.evil.test/hooks", "url")]
    [InlineData("http://127.0.0.1:80@evil.test/hooks", "url")]
    [InlineData("http://user:pw@127.0.0.1:9/hooks", "url")]
    [InlineData("file:///etc/passwd", "url")]
    [InlineData("gopher://127.0.0.1:70/", "url")]
    [InlineData("/relative/hooks", "url")]
    [InlineData("", "url")]
    public async Task Urls_outside_the_allow_list_are_refused(string url, string field)
    {
        await using var factory = new WebhookFactory();
        var response = await factory.ClientWithKey(NewsMetaFactory.WriteKey).PostAsJsonAsync("/api/v1/webhooks", new { url, events = AllEvents, secret = Secret }, Ct);
        await AssertInvalidAsync(response, field);
    }

    [Fact]
    public async Task Subscriptions_need_a_write_key_known_events_and_a_real_secret_and_belong_to_their_key()
    {
        await using var factory = new WebhookFactory { Settings = { ["Auth:ApiKeys:2:Name"] = "second partner", ["Auth:ApiKeys:2:Key"] = "second-partner-key", ["Auth:ApiKeys:2:Scopes:0"] = "write" } };
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        const string Url = "http://127.0.0.1:9/hooks";

        await AssertInvalidAsync(await client.PostAsJsonAsync("/api/v1/webhooks", new { url = Url, events = new[] { "article.created" }, secret = "short" }, Ct), "secret");
        // A whsec_ secret is base64 after the prefix (as the Standard Webhooks libraries read it): not base64, or too short a key, is refused.
        await AssertInvalidAsync(await client.PostAsJsonAsync("/api/v1/webhooks", new { url = Url, events = new[] { "article.created" }, secret = "whsec_not-base64-at-all!!" }, Ct), "secret");
        await AssertInvalidAsync(await client.PostAsJsonAsync("/api/v1/webhooks", new { url = Url, events = new[] { "article.created" }, secret = "whsec_" + Convert.ToBase64String(new byte[9]) }, Ct), "secret");
        await AssertInvalidAsync(await client.PostAsJsonAsync("/api/v1/webhooks", new { url = Url, events = new[] { "article.published" }, secret = Secret }, Ct), "events");
        await AssertInvalidAsync(await client.PostAsJsonAsync("/api/v1/webhooks", new { url = Url, events = Array.Empty<string>(), secret = Secret }, Ct), "events");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/api/v1/webhooks", new StringContent("{\"url\":", Encoding.UTF8, "application/json"), Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.ClientWithKey(null).PostAsJsonAsync("/api/v1/webhooks", new { url = Url, events = AllEvents, secret = Secret }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientWithKey(NewsMetaFactory.ReadKey).GetAsync("/api/v1/webhooks", Ct)).StatusCode);

        var id = await SubscribeAsync(client, Url, AllEvents);
        var mine = (await (await client.GetAsync("/api/v1/webhooks", Ct)).NodeAsync())["items"]!.AsArray();
        Assert.Equal([id], mine.Select(s => s!["id"]!.GetValue<int>()));

        // Another key neither sees nor deletes it.
        var other = factory.ClientWithKey("second-partner-key");
        Assert.Empty((await (await other.GetAsync("/api/v1/webhooks", Ct)).NodeAsync())["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/webhooks/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/v1/webhooks/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/webhooks/{id}/deliveries", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/webhooks/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/webhooks?cursor=not-a-cursor", Ct)).StatusCode);
    }

    [Fact]
    public async Task GraphQL_creates_lists_with_deliveries_and_deletes_subscriptions()
    {
        await using var factory = new WebhookFactory();
        await using var receiver = new WebhookReceiver();
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        const string Create = "mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id url events } userErrors { field message } } }";

        var refused = (await client.GraphQLAsync(Create, new { input = new { url = "http://10.1.2.3/hooks", events = AllEvents, secret = Secret } })).Data["createWebhook"]!;
        Assert.Null(refused["webhook"]);
        Assert.Equal("url", refused["userErrors"]![0]!["field"]!.GetValue<string>());

        var created = (await client.GraphQLAsync(Create, new { input = new { url = receiver.Url(), events = new[] { "article.created" }, secret = Secret } })).Data["createWebhook"]!;
        Assert.Empty(created["userErrors"]!.AsArray());
        var id = created["webhook"]!["id"]!.GetValue<int>();
        await PutAsync(client, "graph-hook-1", "سوق الكتب المستعملة يعود إلى الساحة");
        Assert.Equal(1, await factory.SendDueAsync());

        var listed = (await client.GraphQLAsync("{ webhooks { id events deliveries(first: 5) { id event externalId status attempts lastStatusCode } } }")).Data["webhooks"]!.AsArray();
        var webhook = Assert.Single(listed)!;
        Assert.Equal(id, webhook["id"]!.GetValue<int>());
        var delivery = Assert.Single(webhook["deliveries"]!.AsArray())!;
        Assert.Equal(("article.created", "graph-hook-1", "delivered", 204), (delivery["event"]!.GetValue<string>(), delivery["externalId"]!.GetValue<string>(), delivery["status"]!.GetValue<string>(), delivery["lastStatusCode"]!.GetValue<int>()));
        Assert.Equal(receiver.Requests.Single().Headers["X-NewsMeta-Delivery"], delivery["id"]!.GetValue<string>());

        Assert.Equal("FORBIDDEN", (await factory.ClientWithKey(NewsMetaFactory.ReadKey).GraphQLAsync("{ webhooks { id } }")).FirstCode);
        var deleted = (await client.GraphQLAsync("mutation($id: Int!) { deleteWebhook(id: $id) { deleted userErrors { field } } }", new { id })).Data["deleteWebhook"]!;
        Assert.True(deleted["deleted"]!.GetValue<bool>());
        var again = (await client.GraphQLAsync("mutation($id: Int!) { deleteWebhook(id: $id) { deleted userErrors { field } } }", new { id })).Data["deleteWebhook"]!;
        Assert.Equal((false, "id"), (again["deleted"]!.GetValue<bool>(), again["userErrors"]![0]!["field"]!.GetValue<string>()));
    }

    private static async Task AssertInvalidAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await response.NodeAsync())["errors"]![field]);
    }

    internal static async Task<int> SubscribeAsync(HttpClient client, string url, string[] events)
    {
        var response = await client.PostAsJsonAsync("/api/v1/webhooks", new { url, events, secret = Secret }, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.NodeAsync())["id"]!.GetValue<int>();
    }

    /// <summary>The first delivery in the subscription's log (newest first) that <paramref name="predicate"/> accepts; fails when there is none.</summary>
    internal static async Task<JsonNode> DeliveryAsync(HttpClient client, int subscription, Func<JsonNode, bool> predicate)
    {
        var items = (await (await client.GetAsync($"/api/v1/webhooks/{subscription}/deliveries", Ct)).NodeAsync())["items"]!.AsArray();
        var found = items.FirstOrDefault(d => predicate(d!));
        Assert.True(found is not null, $"no such delivery: {items.ToJsonString()}");
        return found;
    }

    internal static async Task<int> PutAsync(HttpClient client, string externalId, string title)
    {
        var response = await client.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", new
        {
            title,
            body = $"{title}. وقال المنظمون إن الحضور كان كبيرا.",
            language = "ar",
            publishedAt = "2026-11-28T09:00:00Z",
            source = new { name = "موقع الأفق الإخباري", kind = "site" },
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.NodeAsync())["id"]!.GetValue<int>();
    }

    private static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

}
