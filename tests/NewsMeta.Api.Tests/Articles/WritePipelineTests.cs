using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;
using NewsMeta.Api.Tests.Webhooks;

namespace NewsMeta.Api.Tests.Articles;

/// <summary>
/// Entity edits go through the write pipeline: in the edit's own transaction every article it changes
/// gets a new version and an <c>article.updated</c> in the outbox, its counts stay exact and cached
/// reads move on. One drain of the dispatcher shows it; no relink job runs.
/// </summary>
public sealed class WritePipelineTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_rename_sends_article_updated_for_each_article_naming_the_entity_without_a_relink()
    {
        await using var factory = new WebhookFactory();
        await using var receiver = new WebhookReceiver();
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        var first = await PutAsync(client, "rename-1", "افتتاح مرفأ الصيادين الجديد", "هيئة الموانئ البحرية");
        var second = await PutAsync(client, "rename-2", "توسعة مرفأ الصيادين", "هيئة الموانئ البحرية");
        await PutAsync(client, "rename-3", "أسعار الخضار مستقرة هذا الأسبوع", null);
        await WebhookTests.SubscribeAsync(client, receiver.Url(), ["article.updated"]);
        var entity = await EntityAsync(client, "هيئة الموانئ البحرية");
        factory.Time.Advance(TimeSpan.FromSeconds(1));
        var cachedBefore = await (await client.GetAsync($"/api/v1/articles/{first["id"]}", Ct)).NodeAsync();

        var renamed = await client.PutAsJsonAsync($"/api/v1/entities/{entity["id"]}", new { name = "الهيئة العامة للموانئ", type = "organization" }, Ct);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);

        Assert.Equal(2, await factory.SendDueAsync());
        var updated = receiver.Requests.Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.All(updated, u => Assert.Equal("article.updated", u["event"]!.GetValue<string>()));
        Assert.Equal(new[] { first["id"]!.GetValue<int>(), second["id"]!.GetValue<int>() }.Order(), updated.Select(u => u["articleId"]!.GetValue<int>()).Order());
        Assert.Equal(0, await factory.SendDueAsync());

        // The cached read moved on with the new name and a new changedAt; the count did not change.
        var after = await (await client.GetAsync($"/api/v1/articles/{first["id"]}", Ct)).NodeAsync();
        Assert.True(after["changedAt"]!.GetValue<DateTime>() > cachedBefore["changedAt"]!.GetValue<DateTime>());
        Assert.Contains(after["entities"]!.AsArray(), e => e!["name"]!.GetValue<string>() == "الهيئة العامة للموانئ");
        Assert.Equal(2, (await EntityAsync(client, "الهيئة العامة للموانئ"))["articleCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_merge_and_an_alias_send_article_updated_for_the_articles_they_change_and_keep_counts_exact()
    {
        await using var factory = new WebhookFactory();
        await using var receiver = new WebhookReceiver();
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        var first = await PutAsync(client, "merge-1", "اجتماع مجلس المدينة", "مجلس المدينة");
        var second = await PutAsync(client, "merge-2", "قرار المجلس البلدي", "المجلس البلدي");
        var third = await PutAsync(client, "alias-3", "بلدية الواحة تعلن خطة جديدة للحدائق", null);
        await WebhookTests.SubscribeAsync(client, receiver.Url(), ["article.updated"]);
        var target = await EntityAsync(client, "مجلس المدينة");
        var duplicate = await EntityAsync(client, "المجلس البلدي");

        var merged = await client.PostAsJsonAsync($"/api/v1/entities/{target["id"]}/merge", new { from = new[] { duplicate["id"]!.GetValue<int>() } }, Ct);
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(1, await factory.SendDueAsync());
        Assert.Equal(second["id"]!.GetValue<int>(), JsonNode.Parse(receiver.Requests.Single().Body)!["articleId"]!.GetValue<int>());
        Assert.Equal(2, (await EntityAsync(client, "مجلس المدينة"))["articleCount"]!.GetValue<int>());

        // The third article's text holds the new spelling: linked at once, in the alias's transaction.
        var alias = await client.PostAsJsonAsync($"/api/v1/entities/{target["id"]}/aliases", new { alias = "بلدية الواحة" }, Ct);
        Assert.Equal(HttpStatusCode.OK, alias.StatusCode);
        Assert.Equal(1, await factory.SendDueAsync());
        Assert.Equal(third["id"]!.GetValue<int>(), JsonNode.Parse(receiver.Requests.Last().Body)!["articleId"]!.GetValue<int>());
        Assert.Equal(3, (await EntityAsync(client, "مجلس المدينة"))["articleCount"]!.GetValue<int>());
        var linked = await (await client.GetAsync($"/api/v1/articles/{third["id"]}", Ct)).NodeAsync();
        Assert.Contains(linked["entities"]!.AsArray(), e => e!["id"]!.GetValue<int>() == target["id"]!.GetValue<int>());
        Assert.Equal(first["changedAt"]!.GetValue<DateTime>(), (await (await client.GetAsync($"/api/v1/articles/{first["id"]}", Ct)).NodeAsync())["changedAt"]!.GetValue<DateTime>());
    }

    private static async Task<JsonNode> PutAsync(HttpClient client, string externalId, string title, string? organization)
    {
        var response = await client.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", new
        {
            title,
            body = $"{title}. وقال المنظمون إن العمل سيبدأ قريبا.",
            language = "ar",
            publishedAt = "2026-11-28T09:00:00Z",
            source = new { name = "موقع الأفق الإخباري", kind = "site" },
            entities = organization is null ? Array.Empty<object>() : [new { name = organization, type = "organization" }],
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return await response.NodeAsync();
    }

    private static async Task<JsonNode> EntityAsync(HttpClient client, string name)
    {
        var list = await (await client.GetAsync($"/api/v1/entities?q={Uri.EscapeDataString(name)}&limit=50", Ct)).NodeAsync();
        return list["items"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == name)!;
    }
}
