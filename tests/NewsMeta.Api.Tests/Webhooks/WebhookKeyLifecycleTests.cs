using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using NewsMeta.Api.Common.Auth;
using NewsMeta.Api.Features.Webhooks;
using NewsMeta.Api.Tests.Infrastructure;
using static NewsMeta.Api.Tests.Webhooks.WebhookTests;

namespace NewsMeta.Api.Tests.Webhooks;

/// <summary>
/// Subscriptions belong to a key by its stable id: revoking the key pauses them at once (nothing more is sent,
/// even by an instance still trusting its cached key), and no new key can take a configured key's name.
/// </summary>
public sealed class WebhookKeyLifecycleTests
{
    private static readonly string[] Created = ["article.created"];

    [Fact]
    public async Task Revoking_a_key_pauses_its_subscriptions_and_nothing_more_is_sent()
    {
        // This instance trusts a key lookup for an hour: the revoked key still authenticates here, and its
        // subscription must be paused all the same.
        await using var factory = new WebhookFactory { Settings = { ["Auth:KeyCacheSeconds"] = "3600" } };
        await using var receiver = new WebhookReceiver();
        var partnerKey = await CreateKeyAsync(factory, "lifecycle partner");
        var partner = factory.ClientWithKey(partnerKey);
        var editor = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        var id = await SubscribeAsync(partner, receiver.Url(), Created);
        var ownOnly = await SubscribeAsync(editor, receiver.Url("editor"), Created);
        Assert.Equal("active", (await (await partner.GetAsync($"/api/v1/webhooks/{id}", Ct)).NodeAsync())["status"]!.GetValue<string>());

        await PutAsync(editor, "revoke-1", "خبر كتب قبل سحب المفتاح"); // pending for the partner when the key goes
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().RevokeAsync("lifecycle partner", Ct));
        }

        await PutAsync(editor, "revoke-2", "خبر كتب بعد سحب المفتاح");
        // Drains the partner's pending delivery (refused) and the editor's two. The count is not asserted: on
        // PostgreSQL the dispatcher's own loop, woken by the outbox notification, may have claimed one first.
        await factory.SendDueAsync();
        factory.Time.Advance(TimeSpan.FromHours(1));
        // Whatever became due an hour later goes now (the dispatcher's count is not the point: on a loaded CI
        // machine it was 1 once); what must hold is what the receivers got, below.
        await factory.SendDueAsync();

        // The partner's receiver got nothing; the editor's own subscription went on.
        Assert.Equal(["/editor", "/editor"], receiver.Requests.Select(r => r.Path));
        var subscription = await (await partner.GetAsync($"/api/v1/webhooks/{id}", Ct)).NodeAsync();
        Assert.Equal(("paused", WebhookOwners.RevokedReason), (subscription["status"]!.GetValue<string>(), subscription["pausedReason"]!.GetValue<string>()));
        var listed = (await (await partner.GetAsync("/api/v1/webhooks", Ct)).NodeAsync())["items"]!.AsArray();
        Assert.Equal("paused", Assert.Single(listed)!["status"]!.GetValue<string>());
        Assert.Equal("active", (await (await editor.GetAsync($"/api/v1/webhooks/{ownOnly}", Ct)).NodeAsync())["status"]!.GetValue<string>());
        var editorLog = (await (await editor.GetAsync($"/api/v1/webhooks/{ownOnly}/deliveries", Ct)).NodeAsync())["items"]!.AsArray();
        Assert.Equal(["revoke-1", "revoke-2"], editorLog.Select(d => d!["externalId"]!.GetValue<string>()).Order());

        // The delivery pending at revocation failed unsent, saying why; the later change made none.
        var log = (await (await partner.GetAsync($"/api/v1/webhooks/{id}/deliveries", Ct)).NodeAsync())["items"]!.AsArray();
        var refused = Assert.Single(log)!;
        Assert.Equal(("revoke-1", "failed", 0), (refused["externalId"]!.GetValue<string>(), refused["status"]!.GetValue<string>(), refused["attempts"]!.GetValue<int>()));
        Assert.Equal(WebhookOwners.RevokedReason, refused["lastError"]!.GetValue<string>());

        // An instance without the cached lookup refuses the key itself.
        await using var other = new WebhookFactory { Database = factory.Database, Settings = { ["Auth:KeyCacheSeconds"] = "0" } };
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.ClientWithKey(partnerKey).GetAsync($"/api/v1/webhooks/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task No_key_can_be_created_with_a_configured_or_stored_keys_name()
    {
        await using var factory = new WebhookFactory { Settings = { ["Auth:ApiKeys:7:Name"] = "configured partner", ["Auth:ApiKeys:7:Key"] = "configured-partner-key", ["Auth:ApiKeys:7:Scopes:0"] = "write" } };
        var configured = factory.ClientWithKey("configured-partner-key");
        var id = await SubscribeAsync(configured, "http://127.0.0.1:9/hooks", Created);

        await using var scope = factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<ApiKeyStore>();
        Assert.Null(await store.CreateAsync("configured partner", [Scopes.Read, Scopes.Write], Ct));
        Assert.NotNull(await store.CreateAsync("stored partner", [Scopes.Write], Ct));
        Assert.Null(await store.CreateAsync("stored partner", [Scopes.Read], Ct));
        Assert.True(await store.RevokeAsync("stored partner", Ct));
        Assert.Null(await store.CreateAsync("stored partner", [Scopes.Write], Ct)); // names stay taken after revocation

        // The configured key still owns its subscription, and only it.
        Assert.Equal([id], (await (await configured.GetAsync("/api/v1/webhooks", Ct)).NodeAsync())["items"]!.AsArray().Select(s => s!["id"]!.GetValue<int>()));
        Assert.Empty((await (await factory.ClientWithKey(NewsMetaFactory.WriteKey).GetAsync("/api/v1/webhooks", Ct)).NodeAsync())["items"]!.AsArray());
    }

    private static async Task<string> CreateKeyAsync(WebhookFactory factory, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<ApiKeyStore>().CreateAsync(name, [Scopes.Read, Scopes.Write], Ct);
        Assert.NotNull(key);
        return key;
    }
}
