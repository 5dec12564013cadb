using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Catalogue;

/// <summary>
/// After a catalogue change the relink job reads again only the articles that hold the changed names
/// (issue 21: no store-wide relink per discovery). Each test first lets the job finish what the store's
/// earlier writes left it, then counts what one change costs.
/// </summary>
public sealed class IncrementalRelinkTests(EmptyNewsMetaFactory factory) : IClassFixture<EmptyNewsMetaFactory>
{
    private readonly HttpClient _client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_alias_re_enriches_exactly_the_articles_that_contain_it()
    {
        await PutAsync("relink-alias-1", "نزهة في الغابة", "تحدث الأهالي عن السنديان وأشجاره العالية قرب النهر.");
        await PutAsync("relink-alias-2", "موسم الحطب", "قال الحطابون إن السنديان يحتاج إلى سنوات طويلة حتى يكبر.");
        await PutAsync("relink-alias-3", "ميزانية المدارس", "ناقش المجلس ميزانية المدارس للعام المقبل وعدد المعلمين الجدد.");
        var created = await _client.PostAsJsonAsync("/api/v1/entities", new { name = "غابة البلوط الكبرى", type = "location" }, Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
        var entityId = (await created.NodeAsync())["id"]!.GetValue<int>();
        await SettleAsync();
        var before = await VersionsAsync("relink-alias-1", "relink-alias-2", "relink-alias-3");

        var alias = await _client.GraphQLAsync($"mutation {{ addEntityAlias(entityId: \"{entityId}\", alias: \"السنديان\") {{ userErrors {{ field }} }} }}");
        Assert.Empty(alias.Data["addEntityAlias"]!["userErrors"]!.AsArray());

        // The edit's own transaction relinked the two articles that hold the spelling, and only them.
        var afterEdit = await VersionsAsync("relink-alias-1", "relink-alias-2", "relink-alias-3");
        Assert.Equal([before[0] + 1, before[1] + 1, before[2]], afterEdit);

        // The job's round after it finds the alias but no article to read: those two were matched with a
        // catalogue that held it (the edit's relink), and the third does not hold the spelling.
        var round = await RoundAsync();
        Assert.Equal((1, 0, 0), (round.ChangedEntities, round.Articles, round.Changed));
        Assert.Equal(afterEdit, await VersionsAsync("relink-alias-1", "relink-alias-2", "relink-alias-3"));
        Assert.Null(await Job.RunRoundAsync(Ct));
    }

    [Fact]
    public async Task An_entity_created_behind_the_edit_path_relinks_only_articles_matched_before_it()
    {
        await PutAsync("relink-row-before", "رحلة إلى الجبل", "زار المتنزهون وادي الصفصاف الأخضر في عطلة الأسبوع.");
        await SettleAsync();

        // A catalogue row that no edit relinked (the state a CLI catalogue load or another instance leaves):
        // the article written before it holds the name; one written after it was matched with it already.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            db.Entities.Add(new NamedEntity { Name = "وادي الصفصاف", NormalizedName = NewsMeta.Text.ArabicNormalizer.Normalize("وادي الصفصاف"), Type = EntityType.Location, Status = EntityStatus.Confirmed });
            await db.SaveChangesAsync(Ct);
        }

        var after = await PutAsync("relink-row-after", "عودة المتنزهين", "عاد المتنزهون من وادي الصفصاف مساء الأحد.");
        Assert.Contains(after["entities"]!.AsArray(), e => e!["name"]!.GetValue<string>() == "وادي الصفصاف");
        var before = await VersionsAsync("relink-row-before", "relink-row-after");

        var round = await RoundAsync();
        Assert.Equal((1, 1, 1), (round.ChangedEntities, round.Articles, round.Changed));
        Assert.Equal([before[0] + 1, before[1]], await VersionsAsync("relink-row-before", "relink-row-after"));
    }

    [Fact]
    public async Task A_discovery_links_only_where_found_and_confirming_it_relinks_the_earlier_articles_that_hold_the_name()
    {
        // Written before anything tells the service that these words are a person's name.
        var earlier = await PutAsync("relink-discovery-earlier", "وصول الوفد", "وصل زهران القطامي إلى المدينة مساء أمس برفقة عائلته.");
        Assert.DoesNotContain(earlier["entities"]!.AsArray(), e => e!["name"]!.GetValue<string>().Contains("القطامي", StringComparison.Ordinal));
        await PutAsync("relink-discovery-unrelated", "أسعار الخضار", "ارتفعت أسعار الخضار في الأسواق بسبب موجة البرد الأخيرة.");
        await SettleAsync();
        var before = await VersionsAsync("relink-discovery-earlier", "relink-discovery-unrelated");

        var discovering = await PutAsync("relink-discovery-cue", "الملياردير زهران القطامي يشتري مصنعا",
            "اشترى الملياردير زهران القطامي مصنعا للنسيج. وقال القطامي إن المصنع سيوظف مئات العمال.");
        var person = discovering["entities"]!.AsArray().Single(e => e!["name"]!.GetValue<string>() == "زهران القطامي")!;
        Assert.Equal("person", person["type"]!.GetValue<string>());

        // A discovery is a guess: it is linked where discovery found it, not by its bare name elsewhere, so the
        // job has no article to read again (the catalogue's stamp moved, the confirmed catalogue did not).
        var round = await RoundAsync();
        Assert.Equal((0, 0, 0), (round.ChangedEntities, round.Articles, round.Changed));
        Assert.Equal(before, await VersionsAsync("relink-discovery-earlier", "relink-discovery-unrelated"));

        // Confirmed, it joins the catalogue the matcher links everywhere: the earlier article that holds the
        // name is relinked in the confirmation's own transaction; the unrelated one is untouched.
        var confirmed = await _client.PutAsJsonAsync($"/api/v1/entities/{person["id"]}", new { status = "confirmed" }, Ct);
        Assert.True(confirmed.IsSuccessStatusCode, await confirmed.Content.ReadAsStringAsync(Ct));
        Assert.Equal([before[0] + 1, before[1]], await VersionsAsync("relink-discovery-earlier", "relink-discovery-unrelated"));
        var relinked = await (await _client.GetAsync("/api/v1/articles/by-external-id/relink-discovery-earlier", Ct)).NodeAsync();
        var mention = relinked["entities"]!.AsArray().Single(e => e!["id"]!.GetValue<int>() == person["id"]!.GetValue<int>())!;
        Assert.Equal("extracted", mention["origin"]!.GetValue<string>());
    }

    private RelinkJob Job => factory.Services.GetRequiredService<RelinkJob>();

    /// <summary>Lets the job relink whatever the writes so far changed, so the next round counts only what the test does.</summary>
    private async Task SettleAsync()
    {
        await Job.RunRoundAsync(Ct);
        Assert.Null(await Job.RunRoundAsync(Ct));
    }

    private async Task<RelinkRound> RoundAsync()
    {
        var round = await Job.RunRoundAsync(Ct);
        Assert.NotNull(round);
        return round;
    }

    private async Task<int[]> VersionsAsync(params string[] externalIds)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var versions = await db.Articles.AsNoTracking().Where(a => externalIds.Contains(a.ExternalId)).ToDictionaryAsync(a => a.ExternalId, a => a.Version, Ct);
        return [.. externalIds.Select(id => versions[id])];
    }

    private async Task<JsonNode> PutAsync(string externalId, string title, string body)
    {
        var response = await _client.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", new
        {
            title,
            body,
            language = "ar",
            publishedAt = "2026-11-30T08:00:00Z",
            source = new { name = "موقع الوادي الإخباري", kind = "site" },
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return await response.NodeAsync();
    }
}
