using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Articles;

/// <summary>
/// embargoUntil: until then only keys with the write scope see the article, on every read path and through
/// the response cache; when it passes, the release job (on a fake clock, no request) announces it as created
/// in the change feed and the webhook outbox, links waiting for it resolve and it becomes a similar link.
/// </summary>
public sealed class EmbargoTests(EmbargoTests.Factory factory) : IClassFixture<EmbargoTests.Factory>
{
    /// <summary>An empty store on a fake clock, the release job on, the in-process response cache on.</summary>
    public sealed class Factory : NewsMetaFactory
    {
        public Factory()
        {
            Clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
            Settings["Embargo:ReleaseIntervalMilliseconds"] = "500";
            Settings["Caching:InProcess"] = "true";
        }

        public FakeTimeProvider Time => (FakeTimeProvider)Clock!;

        protected override bool Seed => false;

        /// <summary>Moves the clock on and waits for the release job's next round (its own timer, no request); returns how many it released.</summary>
        public async Task<int> AdvanceAndAwaitReleaseAsync(TimeSpan by)
        {
            var round = Services.GetRequiredService<EmbargoReleaseJob>().RoundStartingFromAsync((Time.GetUtcNow() + by).UtcDateTime);
            Time.Advance(by);
            return await round.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        }
    }

    private readonly HttpClient _writer = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private readonly HttpClient _reader = factory.ClientWithKey(NewsMetaFactory.ReadKey);
    private readonly HttpClient _anonymous = factory.CreateClient();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Until_the_embargo_only_the_write_scope_sees_the_article_then_the_job_announces_it_as_created()
    {
        await using var receiver = new WebhookReceiver();
        var hook = await _writer.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url(), events = new[] { "article.created", "article.updated" }, secret = "embargo-secret-0123456789" }, Ct);
        Assert.Equal(HttpStatusCode.Created, hook.StatusCode);
        var hookId = (await hook.NodeAsync())["id"]!.GetValue<int>();
        var feedStart = await FeedTokenAsync();

        var now = factory.Time.GetUtcNow().UtcDateTime;
        var until = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)).AddHours(1); // whole seconds: PostgreSQL keeps microseconds
        var id = await PutAsync("embargo-visibility", "زيلاندور يعلن نتائج الاكتتاب", "مصرف زيلاندور", until);
        Assert.Equal(id, await PutAsync("embargo-visibility", "زيلاندور يعلن نتائج الاكتتاب العام", "مصرف زيلاندور", until)); // an update under embargo

        var own = await (await _writer.GetAsync($"/api/v1/articles/{id}", Ct)).NodeAsync();
        Assert.Equal(until, own["embargoUntil"]!.GetValue<DateTime>());
        var sourceId = own["source"]!["id"]!.GetValue<int>();
        Assert.Contains("embargo-visibility", await TextAsync(_writer, "/api/v1/articles?limit=100"));
        Assert.Contains("embargo-visibility", await TextAsync(_writer, "/api/v1/search?q=زيلاندور"));

        foreach (var reader in new[] { _reader, _anonymous })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/v1/articles/{id}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/api/v1/articles/by-external-id/embargo-visibility", Ct)).StatusCode);
            Assert.DoesNotContain("embargo-visibility", await TextAsync(reader, "/api/v1/articles?limit=100"));
            Assert.DoesNotContain("embargo-visibility", await TextAsync(reader, "/api/v1/search?q=زيلاندور"));
            Assert.DoesNotContain("embargo-visibility", await TextAsync(reader, $"/api/v1/sources/{sourceId}/articles"));
            Assert.Equal(0, (await (await reader.GetAsync($"/api/v1/sources/{sourceId}", Ct)).NodeAsync())["articleCount"]!.GetValue<int>());
            Assert.Equal(0, (await (await reader.GetAsync("/api/v1/articles/facets?q=زيلاندور", Ct)).NodeAsync())["total"]!.GetValue<int>());
            var graph = (await reader.GraphQLAsync("query($ext: String) { article(externalId: $ext) { databaseId } }", new { ext = "embargo-visibility" })).Data;
            Assert.Null(graph["article"]);
        }

        // The feed lists an article once, at its latest change (past PostgreSQL's settle window).
        factory.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(["updated"], (await FeedAsync(_writer, feedStart)).Where(c => c.ExternalId == "embargo-visibility").Select(c => c.Change));
        Assert.DoesNotContain(await FeedAsync(_reader, feedStart), c => c.ExternalId == "embargo-visibility");
        Assert.Empty(await DeliveriesAsync(hookId));

        // An hour and a second on, with no request in between: the job releases it.
        Assert.Equal(0, await factory.AdvanceAndAwaitReleaseAsync(TimeSpan.FromMinutes(59)));
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync($"/api/v1/articles/{id}", Ct)).StatusCode);
        Assert.Equal(1, await factory.AdvanceAndAwaitReleaseAsync(TimeSpan.FromSeconds(61)));
        factory.Time.Advance(TimeSpan.FromSeconds(5)); // past the feed's settle window

        foreach (var reader in new[] { _reader, _anonymous })
        {
            var article = await (await reader.GetAsync($"/api/v1/articles/{id}", Ct)).NodeAsync();
            Assert.Equal("زيلاندور يعلن نتائج الاكتتاب العام", article["title"]!.GetValue<string>());
            Assert.Contains("embargo-visibility", await TextAsync(reader, "/api/v1/articles?limit=100"));
            Assert.Contains("embargo-visibility", await TextAsync(reader, "/api/v1/search?q=زيلاندور"));
            Assert.Equal(1, (await (await reader.GetAsync($"/api/v1/sources/{sourceId}", Ct)).NodeAsync())["articleCount"]!.GetValue<int>());
            Assert.Equal(1, (await (await reader.GetAsync("/api/v1/articles/facets?q=زيلاندور", Ct)).NodeAsync())["total"]!.GetValue<int>());
        }

        Assert.Equal(["created"], (await FeedAsync(_reader, feedStart)).Where(c => c.ExternalId == "embargo-visibility").Select(c => c.Change));
        Assert.Equal(["article.created"], await DeliveriesAsync(hookId));
        Assert.Equal(0, await factory.AdvanceAndAwaitReleaseAsync(TimeSpan.FromSeconds(1))); // released once
    }

    [Fact]
    public async Task A_cached_answer_for_the_write_scope_is_never_served_to_a_reader()
    {
        var id = await PutAsync("embargo-cache", "مهرجان كورالين للموسيقى يكشف برنامجه", "صحيفة المدينة", factory.Time.GetUtcNow().UtcDateTime.AddDays(1));
        foreach (var url in new[] { $"/api/v1/articles/{id}", "/api/v1/articles?limit=100", "/api/v1/search?q=كورالين" })
        {
            Assert.Contains("embargo-cache", await TextAsync(_writer, url));
            Assert.Contains("embargo-cache", await TextAsync(_writer, url)); // the second answer may come from the cache
            var reader = await _reader.GetAsync(url, Ct);
            Assert.DoesNotContain("embargo-cache", await reader.Content.ReadAsStringAsync(Ct));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync($"/api/v1/articles/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task An_embargoed_article_is_no_link_target_or_similar_link_until_it_is_released()
    {
        var entities = new[] { new { name = "نهر فالوريا", type = "location" }, new { name = "شركة برونتال", type = "organization" } };
        var released = await PutAsync("embargo-peer", "برونتال تبني سدا على نهر فالوريا", "صحيفة الوادي", null, entities);
        var linking = await PutAsync("embargo-linking", "خلفية عن مشروع السد", "صحيفة الوادي", null, links: [new { externalId = "embargo-dam", kind = "related" }]);
        var embargoed = await PutAsync("embargo-dam", "برونتال تفتتح سد نهر فالوريا", "صحيفة الوادي", factory.Time.GetUtcNow().UtcDateTime.AddHours(2), entities);

        // Writers see the embargoed article's own similar links; nobody's links point at it yet.
        Assert.Contains(await LinksAsync(_writer, embargoed), l => l.TargetId == released);
        Assert.DoesNotContain(await LinksAsync(_writer, released), l => l.TargetId == embargoed);
        Assert.Equal([(null, "embargo-dam")], (await LinksAsync(_reader, linking)).Where(l => l.Origin == "publisher").Select(l => (l.TargetId, l.TargetExternalId)));

        Assert.Equal(1, await factory.AdvanceAndAwaitReleaseAsync(TimeSpan.FromHours(2)));

        Assert.Contains(await LinksAsync(_reader, released), l => l.TargetId == embargoed);
        Assert.Equal([(embargoed, "embargo-dam")], (await LinksAsync(_reader, linking)).Where(l => l.Origin == "publisher").Select(l => (l.TargetId, l.TargetExternalId)));
    }

    [Fact]
    public async Task Deleting_an_article_under_embargo_tells_only_the_write_scope()
    {
        await using var receiver = new WebhookReceiver();
        var hook = await _writer.PostAsJsonAsync("/api/v1/webhooks", new { url = receiver.Url(), events = new[] { "article.created", "article.deleted" }, secret = "embargo-secret-0123456789" }, Ct);
        var hookId = (await hook.NodeAsync())["id"]!.GetValue<int>();
        var feedStart = await FeedTokenAsync();
        var until = factory.Time.GetUtcNow().UtcDateTime.AddHours(2);
        var id = await PutAsync("embargo-withdrawn", "زيلاندور يسحب عرض الاستحواذ", "مصرف زيلاندور", until);
        Assert.Equal(HttpStatusCode.NoContent, (await _writer.DeleteAsync($"/api/v1/articles/{id}", Ct)).StatusCode);
        factory.Time.Advance(TimeSpan.FromSeconds(5)); // past the feed's settle window

        Assert.Equal(["deleted"], (await FeedAsync(_writer, feedStart)).Where(c => c.ExternalId == "embargo-withdrawn").Select(c => c.Change));
        Assert.DoesNotContain(await FeedAsync(_reader, feedStart), c => c.ExternalId == "embargo-withdrawn");
        Assert.DoesNotContain(await FeedAsync(_anonymous, feedStart), c => c.ExternalId == "embargo-withdrawn");
        Assert.Empty(await DeliveriesAsync(hookId, "embargo-withdrawn"));
    }

    [Fact]
    public async Task The_sample_corpus_has_two_articles_under_embargo_until_a_day_after_seeding()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var seeded = new NewsMetaFactory { Clock = clock };
        seeded.Settings["Database:SeedSampleEmbargoes"] = "true";
        var writer = seeded.ClientWithKey(NewsMetaFactory.WriteKey);
        var reader = seeded.ClientWithKey(NewsMetaFactory.ReadKey);
        var dayLater = clock.GetUtcNow().UtcDateTime.AddDays(1);
        foreach (var externalId in new[] { "shorouq-embargo-central-bank-rates", "madar-embargo-book-prize-winner" })
        {
            var own = await (await writer.GetAsync($"/api/v1/articles/by-external-id/{externalId}", Ct)).NodeAsync();
            Assert.InRange(own["embargoUntil"]!.GetValue<DateTime>(), dayLater.AddMilliseconds(-1), dayLater.AddMilliseconds(1));
            Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/api/v1/articles/by-external-id/{externalId}", Ct)).StatusCode);
        }

        var forReaders = await (await reader.GetAsync("/api/v1/articles?limit=100", Ct)).NodeAsync();
        var forWriters = await (await writer.GetAsync("/api/v1/articles?limit=100", Ct)).NodeAsync();
        Assert.Equal(forReaders["items"]!.AsArray().Count + 2, forWriters["items"]!.AsArray().Count);
    }

    private async Task<int> PutAsync(string externalId, string title, string source, DateTime? embargoUntil, object? entities = null, object[]? links = null)
    {
        var response = await _writer.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", new
        {
            title,
            body = $"{title}. وقال مسؤولون إن التفاصيل ستعلن لاحقا.",
            language = "ar",
            publishedAt = "2026-11-28T09:00:00Z",
            source = new { name = source, kind = "newspaper" },
            entities,
            links,
            embargoUntil,
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.NodeAsync())["id"]!.GetValue<int>();
    }

    private static async Task<string> TextAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    private async Task<string?> FeedTokenAsync()
    {
        string? since = null;
        while (true)
        {
            var page = await (await _writer.GetAsync(since is null ? "/api/v1/changes?limit=100" : $"/api/v1/changes?limit=100&since={Uri.EscapeDataString(since)}", Ct)).NodeAsync();
            var next = page["nextSince"]?.GetValue<string>();
            if (page["items"]!.AsArray().Count == 0)
            {
                return next;
            }

            since = next;
        }
    }

    private static async Task<List<(string Change, string ExternalId)>> FeedAsync(HttpClient client, string? since)
    {
        var url = since is null ? "/api/v1/changes?limit=100" : $"/api/v1/changes?limit=100&since={Uri.EscapeDataString(since)}";
        var page = await (await client.GetAsync(url, Ct)).NodeAsync();
        return [.. page["items"]!.AsArray().Select(i => (i!["change"]!.GetValue<string>(), i["externalId"]!.GetValue<string>()))];
    }

    private async Task<List<string>> DeliveriesAsync(int hookId, string externalId = "embargo-visibility")
    {
        var log = await (await _writer.GetAsync($"/api/v1/webhooks/{hookId}/deliveries", Ct)).NodeAsync();
        return [.. log["items"]!.AsArray().Where(d => d!["externalId"]!.GetValue<string>() == externalId).Select(d => d!["event"]!.GetValue<string>())];
    }

    private static async Task<List<(int? TargetId, string? TargetExternalId, string Origin)>> LinksAsync(HttpClient client, int id)
    {
        var article = await (await client.GetAsync($"/api/v1/articles/{id}", Ct)).NodeAsync();
        return [.. article["links"]!.AsArray().Select(l => (l!["targetId"]?.GetValue<int>(), l["targetExternalId"]?.GetValue<string>(), l["origin"]!.GetValue<string>()))];
    }
}
