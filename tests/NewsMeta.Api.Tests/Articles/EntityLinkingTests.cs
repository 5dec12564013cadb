using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Articles;

/// <summary>Entities of the catalogue found in article text at ingest: counted, marked extracted, kept in step.</summary>
public sealed class EntityLinkingTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Untagged_mentions_are_extracted_with_counts_and_clitics()
    {
        var haddad = await EntityIdAsync("يوسف الحداد");
        var before = await ArticleCountAsync(haddad);
        var article = await PutAsync("linking-1", "وزير يزور الريان",
            "التقى وفد من البلدية بيوسف الحداد صباحاً، ثم صرّح يُوسف الحدّاد بأن المشروع سيبدأ. وقال Youssef Haddad للصحفيين إن التمويل جاهز.",
            tagged: []);
        var mention = Entities(article).Single(e => e!["id"]!.GetValue<int>() == haddad)!;
        Assert.Equal("extracted", mention["origin"]!.GetValue<string>());
        Assert.Equal(3, mention["mentions"]!.GetValue<int>());
        Assert.Contains(Entities(article), e => e!["name"]!.GetValue<string>() == "الريان" && e["origin"]!.GetValue<string>() == "extracted");
        Assert.Equal(before + 1, await ArticleCountAsync(haddad));
    }

    [Fact]
    public async Task Tagged_entities_stay_publisher_and_get_their_mention_count()
    {
        var article = await PutAsync("linking-2", "نقاش الموازنة يتواصل", "ناقش برلمان زهران الموازنة، وقال رئيس برلمان زهران إن التصويت قريب.",
            tagged: [new { name = "برلمان زهران", type = "organization" }]);
        var first = Entities(article)[0]!;
        Assert.Equal("برلمان زهران", first["name"]!.GetValue<string>());
        Assert.Equal("publisher", first["origin"]!.GetValue<string>());
        Assert.Equal(2, first["mentions"]!.GetValue<int>());
    }

    [Fact]
    public async Task Rewriting_the_text_relinks_and_recounts()
    {
        var haddad = await EntityIdAsync("يوسف الحداد");
        await PutAsync("linking-3", "خبر", "صرح يوسف الحداد بأن العمل مستمر.", tagged: []);
        var withMention = await ArticleCountAsync(haddad);
        var rewritten = await PutAsync("linking-3", "خبر", "صرح مسؤول بأن العمل مستمر.", tagged: []);
        Assert.DoesNotContain(Entities(rewritten), e => e!["id"]!.GetValue<int>() == haddad);
        Assert.Equal(withMention - 1, await ArticleCountAsync(haddad));
    }

    [Fact]
    public async Task An_entity_new_in_a_batch_is_linked_in_the_other_articles_of_that_batch()
    {
        var lines = string.Join('\n',
            """{"externalId":"linking-batch-a","title":"شركة جديدة","body":"أعلنت مجموعة النخيل البحرية عن توسع.","language":"ar","publishedAt":"2026-11-20T08:00:00Z","source":{"name":"موقع الأفق الإخباري","kind":"site"},"entities":[{"name":"مجموعة النخيل البحرية","type":"organization"}]}""",
            """{"externalId":"linking-batch-b","title":"خبر آخر","body":"قالت مجموعة النخيل البحرية إن الأرباح ارتفعت.","language":"ar","publishedAt":"2026-11-20T09:00:00Z","source":{"name":"موقع الأفق الإخباري","kind":"site"}}""") + "\n";
        await Ingestion.ImportExportTests.ImportAsync(_client, lines);
        var b = await (await _client.GetAsync("/api/v1/articles/by-external-id/linking-batch-b", Ct)).NodeAsync();
        Assert.Contains(Entities(b), e => e!["name"]!.GetValue<string>() == "مجموعة النخيل البحرية" && e["origin"]!.GetValue<string>() == "extracted");
    }

    [Fact]
    public async Task A_new_alias_links_the_mentions_written_before_it_at_once()
    {
        var article = await PutAsync("linking-relink", "زيارة", "استقبل أبو سامي الوفد في مكتبه.", tagged: []);
        var haddad = await EntityIdAsync("يوسف الحداد");
        Assert.DoesNotContain(Entities(article), e => e!["id"]!.GetValue<int>() == haddad);

        var alias = await _client.GraphQLAsync($"mutation {{ addEntityAlias(entityId: \"{haddad}\", alias: \"أبو سامي\") {{ userErrors {{ field }} }} }}");
        Assert.Empty(alias.Data["addEntityAlias"]!["userErrors"]!.AsArray());
        // No relink run: the alias's own transaction relinked the article that holds the spelling.
        var relinked = await (await _client.GetAsync($"/api/v1/articles/{article["id"]}", Ct)).NodeAsync();
        var mention = Entities(relinked).Single(e => e!["id"]!.GetValue<int>() == haddad)!;
        Assert.Equal(("extracted", 1), (mention["origin"]!.GetValue<string>(), mention["mentions"]!.GetValue<int>()));
        Assert.True(relinked["changedAt"]!.GetValue<DateTime>() > article["changedAt"]!.GetValue<DateTime>());
    }

    [Fact]
    public async Task Background_job_relinks_once_after_a_catalogue_change_across_two_instances()
    {
        // Both instances run the job every 30 s of a clock they share and the test moves.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var first = new NewsMetaFactory { Clock = clock };
        first.Settings["Enrichment:RelinkIntervalSeconds"] = "30";
        await using var second = new NewsMetaFactory { Database = first.Database, Clock = clock };
        second.Settings["Enrichment:RelinkIntervalSeconds"] = "30";
        var writer = first.ClientWithKey(NewsMetaFactory.WriteKey);
        second.CreateClient().Dispose(); // both instances run the job

        var put = await writer.PutAsJsonAsync("/api/v1/articles/by-external-id/linking-job", new
        {
            title = "جولة",
            body = "تفقد أم خالد أعمال الصيانة في الميناء.",
            language = "ar",
            publishedAt = "2026-11-26T08:00:00Z",
            source = new { name = "موقع الأفق الإخباري", kind = "site" },
        }, Ct);
        var id = (await put.NodeAsync())["id"]!.GetValue<int>();
        var entity = (await writer.GraphQLAsync("mutation { upsertEntity(input: { name: \"أم خالد\", type: PERSON }) { entity { databaseId } } }")).Data["upsertEntity"]!["entity"]!["databaseId"]!.GetValue<int>();

        // One tick on both instances: they race for the lease, and exactly one relinks.
        var jobs = new[] { first, second }.Select(i => i.Services.GetRequiredService<RelinkJob>()).ToList();
        var rounds = jobs.Select(j => j.NextRoundAsync()).ToList();
        clock.Advance(TimeSpan.FromSeconds(30));
        var relinked = await Task.WhenAll(rounds).WaitAsync(TimeSpan.FromMinutes(1), Ct);
        Assert.Single(relinked, r => r);

        var article = await (await writer.GetAsync($"/api/v1/articles/{id}", Ct)).NodeAsync();
        var mention = Entities(article).FirstOrDefault(e => e!["id"]!.GetValue<int>() == entity);
        Assert.NotNull(mention);
        Assert.Equal("extracted", mention["origin"]!.GetValue<string>());

        // The round that relinked recorded the catalogue state it finished before it ended.
        await using (var scope = first.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsMeta.Api.Data.NewsDbContext>();
            var stamp = (await scope.ServiceProvider.GetRequiredService<EntityLinker>().StampAsync(Ct)).ToString();
            Assert.Equal(stamp, await db.JobStates.AsNoTracking().Where(s => s.Name == RelinkJob.Name).Select(s => s.Value).FirstOrDefaultAsync(Ct));
        }

        // The next tick finds nothing to do on either instance.
        rounds = jobs.Select(j => j.NextRoundAsync()).ToList();
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(true, await Task.WhenAll(rounds).WaitAsync(TimeSpan.FromMinutes(1), Ct));

        // Nothing changed since: neither instance relinks the same catalogue state again.
        foreach (var instance in new[] { first, second })
        {
            Assert.False(await instance.Services.GetRequiredService<RelinkJob>().RunOnceAsync(Ct));
        }
    }

    private static JsonArray Entities(JsonNode article) => article["entities"]!.AsArray();

    private async Task<JsonNode> PutAsync(string externalId, string title, string body, object[] tagged)
    {
        var response = await _client.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", new
        {
            title,
            body,
            language = "ar",
            publishedAt = "2026-11-26T08:00:00Z",
            source = new { name = "موقع الأفق الإخباري", kind = "site" },
            entities = tagged,
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return await response.NodeAsync();
    }

    private async Task<int> EntityIdAsync(string name) =>
        (await (await _client.GetAsync($"/api/v1/entities?q={Uri.EscapeDataString(name)}", Ct)).NodeAsync())["items"]!.AsArray()
            .First(e => e!["name"]!.GetValue<string>() == name)!["id"]!.GetValue<int>();

    private async Task<int> ArticleCountAsync(int entityId) =>
        (await (await _client.GetAsync($"/api/v1/entities/{entityId}", Ct)).NodeAsync())["articleCount"]!.GetValue<int>();
}
