using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using NewsMeta.Api.Tests.Infrastructure;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace NewsMeta.Api.Tests.Webhooks;

/// <summary>
/// Deliveries carry Standard Webhooks headers that a receiver's library accepts: with a generated whsec_ secret
/// (returned once at creation) and with a raw given secret (keyed by its UTF-8 bytes). The id and time are
/// signed, so replaying a delivery under a fresh timestamp fails verification.
/// </summary>
public sealed class WebhookStandardSignatureTests
{
    private const string RawSecret = "partner-secret-0123456789";
    private static readonly string[] Created = ["article.created"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_generated_secret_is_returned_once_and_verifies_deliveries_that_cannot_be_replayed_with_another_time()
    {
        await using var factory = new WebhookFactory();
        await using var receiver = new WebhookReceiver();
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);

        var response = await client.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url(), events = Created }, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var subscription = await response.NodeAsync();
        var secret = subscription["secret"]!.GetValue<string>();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(secret["whsec_".Length..]).Length);
        var id = subscription["id"]!.GetValue<int>();

        // Never shown again.
        Assert.Null((await (await client.GetAsync($"/api/v1/webhooks/{id}", Ct)).NodeAsync())["secret"]);
        Assert.All((await (await client.GetAsync("/api/v1/webhooks", Ct)).NodeAsync())["items"]!.AsArray(), s => Assert.Null(s!["secret"]));

        await PutAsync(client, "signed-1", "افتتاح حديقة عامة في وسط المدينة");
        Assert.Equal(1, await factory.SendDueAsync());
        var delivery = Assert.Single(receiver.Requests);
        Assert.Equal(delivery.Headers["X-NewsMeta-Delivery"], delivery.Headers["webhook-id"]);
        Assert.Equal(factory.Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), delivery.Headers["webhook-timestamp"]);
        Assert.StartsWith("v1,", delivery.Headers["webhook-signature"], StringComparison.Ordinal);
        Assert.StartsWith("sha256=", delivery.Headers["X-NewsMeta-Signature"], StringComparison.Ordinal);

        var receiverSide = new StandardWebhook(secret);
        receiverSide.Verify(delivery.Body, Headers(delivery));

        // The same delivery replayed with a later (still fresh) time: the signature covers the time, so it fails.
        var replayed = Headers(delivery);
        replayed["webhook-timestamp"] = (long.Parse(delivery.Headers["webhook-timestamp"], CultureInfo.InvariantCulture) + 120).ToString(CultureInfo.InvariantCulture);
        Assert.Throws<WebhookVerificationException>(() => receiverSide.Verify(delivery.Body, replayed));

        // ... and so does the same body under another id.
        var renamed = Headers(delivery);
        renamed["webhook-id"] = delivery.Headers["webhook-id"] + "0";
        Assert.Throws<WebhookVerificationException>(() => receiverSide.Verify(delivery.Body, renamed));
    }

    [Fact]
    public async Task GraphQL_returns_a_generated_secret_only_when_none_was_given_and_a_raw_given_secret_verifies_as_a_raw_key()
    {
        await using var factory = new WebhookFactory();
        await using var rawReceiver = new WebhookReceiver();
        await using var generatedReceiver = new WebhookReceiver();
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        const string Create = "mutation($input: CreateWebhookInput!) { createWebhook(input: $input) { webhook { id } secret userErrors { field message } } }";

        var given = (await client.GraphQLAsync(Create, new { input = new { url = rawReceiver.Url(), events = Created, secret = RawSecret } })).Data["createWebhook"]!;
        Assert.Empty(given["userErrors"]!.AsArray());
        Assert.Null(given["secret"]);
        var generated = (await client.GraphQLAsync(Create, new { input = new { url = generatedReceiver.Url(), events = Created } })).Data["createWebhook"]!;
        Assert.Empty(generated["userErrors"]!.AsArray());
        var generatedSecret = generated["secret"]!.GetValue<string>();
        Assert.StartsWith("whsec_", generatedSecret, StringComparison.Ordinal);

        var refused = (await client.GraphQLAsync(Create, new { input = new { url = rawReceiver.Url(), events = Created, secret = "whsec_%%%not-base64%%%" } })).Data["createWebhook"]!;
        Assert.Equal(("secret", true), (refused["userErrors"]![0]!["field"]!.GetValue<string>(), refused["webhook"] is null));

        await PutAsync(client, "signed-2", "معرض للصور القديمة في المكتبة الوطنية");
        Assert.Equal(2, await factory.SendDueAsync());
        var toRaw = Assert.Single(rawReceiver.Requests);
        var toGenerated = Assert.Single(generatedReceiver.Requests);

        // A raw secret is its UTF-8 bytes as the key; the library's raw-key constructor takes them.
        new StandardWebhook(Encoding.UTF8.GetBytes(RawSecret)).Verify(toRaw.Body, Headers(toRaw));
        new StandardWebhook(generatedSecret).Verify(toGenerated.Body, Headers(toGenerated));

        // Each key verifies only its own subscription's deliveries.
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(generatedSecret).Verify(toRaw.Body, Headers(toRaw)));
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(Encoding.UTF8.GetBytes(RawSecret)).Verify(toGenerated.Body, Headers(toGenerated)));
    }

    /// <summary>The received headers as ASP.NET Core's case-insensitive collection, which the library reads.</summary>
    private static HeaderDictionary Headers(WebhookReceiver.Received request)
    {
        var headers = new HeaderDictionary();
        foreach (var (name, value) in request.Headers)
        {
            headers[name] = value;
        }

        return headers;
    }

    private static async Task PutAsync(HttpClient client, string externalId, string title)
    {
        var response = await client.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", new
        {
            title,
            body = $"{title}. وقال المنظمون إن الإقبال فاق التوقعات.",
            language = "ar",
            publishedAt = "2026-11-28T09:00:00Z",
            source = new { name = "موقع الأفق الإخباري", kind = "site" },
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
    }
}
