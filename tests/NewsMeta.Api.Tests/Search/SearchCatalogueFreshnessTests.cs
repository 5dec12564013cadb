using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Search;

/// <summary>
/// Search expands a query that names a catalogue entity with the entity's other spellings, using a matcher it
/// rechecks only when the catalogue's version has moved. Every catalogue edit moves it, so the next search
/// knows the edit, whichever instance made it; an article write that only discovers entities does not, so
/// searches keep their matcher.
/// </summary>
public sealed class SearchCatalogueFreshnessTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly HttpClient _writer = factory.ClientWithKey(NewsMetaFactory.WriteKey);

    [Fact]
    public async Task A_new_alias_or_name_expands_the_very_next_search()
    {
        var id = await CreatePersonAsync("سليم الزرواني");
        await PutArticleAsync("freshness-zarwani", "سليم الزرواني يفتتح معرض الخزف", "افتتح الخزاف سليم الزرواني معرضه الأول في المدينة القديمة.");

        Assert.Empty(await ExternalIdsAsync("Zarwani")); // no article spells it so, and the catalogue does not know the spelling yet
        var before = await VersionAsync();

        Assert.Equal(HttpStatusCode.OK, (await _writer.PostAsJsonAsync($"/api/v1/entities/{id}/aliases", new { alias = "Zarwani" }, Ct)).StatusCode);
        Assert.NotEqual(before, await VersionAsync());
        Assert.Equal(["freshness-zarwani"], await ExternalIdsAsync("Zarwani"));

        var renamed = await _writer.PutAsJsonAsync($"/api/v1/entities/{id}", new { name = "Salim Zarwani", type = "person" }, Ct);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(["freshness-zarwani"], await ExternalIdsAsync("Salim Zarwani"));
    }

    [Fact]
    public async Task An_alias_saved_by_another_instance_expands_the_next_search_of_a_word_the_cached_matcher_does_not_know()
    {
        var id = await CreatePersonAsync("وداد الحلفاوي");
        await PutArticleAsync("freshness-halfawi", "وداد الحلفاوي تقود جوقة المدينة", "قادت المايسترو وداد الحلفاوي جوقة المدينة في حفلها الشتوي.");
        Assert.Empty(await ExternalIdsAsync("Halfawi")); // the matcher is checked, and knows no such spelling

        // Another instance's save: it moves the catalogue version in the database, not this instance's matcher,
        // so this search starts from the matcher it checked last and learns of the edit from its own page statement.
        await SaveAliasAsAnotherInstanceAsync(id, "Halfawi");

        Assert.Equal(["freshness-halfawi"], await ExternalIdsAsync("Halfawi"));
    }

    [Fact]
    public async Task Concurrent_searches_that_find_the_catalogue_changed_build_one_matcher_between_them()
    {
        var id = await CreatePersonAsync("مراد البستاني");
        await PutArticleAsync("freshness-bustani", "مراد البستاني يزرع حديقة السطوح", "زرع المهندس مراد البستاني حديقة على سطح المكتبة العامة.");
        Assert.Empty(await ExternalIdsAsync("Bustani"));

        using var builds = new MetricCollector<long>(factory.Services.GetRequiredService<IMeterFactory>(), NewsMetaMetrics.MeterName, "newsmeta.entity_matcher.builds");
        await SaveAliasAsAnotherInstanceAsync(id, "Bustani");

        var found = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ExternalIdsAsync("Bustani")));
        Assert.All(found, ids => Assert.Equal(["freshness-bustani"], ids));
        Assert.Equal(1, builds.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task An_article_write_that_only_discovers_entities_leaves_the_version_alone()
    {
        await PutArticleAsync("freshness-plain", "مهرجان الزيتون في القرية", "قال المزارع نبيل القطامي إن موسم الزيتون كان جيدا هذا العام.");
        var before = await VersionAsync();
        await PutArticleAsync("freshness-plain-2", "سوق الزيتون يفتح أبوابه", "قال التاجر نبيل القطامي إن أسعار الزيت استقرت في سوق القرية.");
        Assert.Equal(before, await VersionAsync());
    }

    private async Task<int> CreatePersonAsync(string name)
    {
        var created = await _writer.PostAsJsonAsync("/api/v1/entities", new { name, type = "person" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.NodeAsync())["id"]!.GetValue<int>();
    }

    /// <summary>A save through a context of its own, as another instance makes it: it moves the catalogue version in the database, not this instance's matcher.</summary>
    private async Task SaveAliasAsAnotherInstanceAsync(int entityId, string alias)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        db.EntityAliases.Add(new EntityAlias { EntityId = entityId, Name = alias, NormalizedName = NewsMeta.Text.ArabicNormalizer.Normalize(alias) });
        await db.SaveChangesAsync(Ct);
    }

    private async Task<string> VersionAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await CatalogueVersion.ReadAsync(scope.ServiceProvider.GetRequiredService<NewsDbContext>(), Ct);
    }

    private async Task<List<string>> ExternalIdsAsync(string q)
    {
        var response = await factory.CreateClient().GetAsync($"/api/v1/search?q={Uri.EscapeDataString(q)}&limit=50", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.NodeAsync())["items"]!.AsArray().Select(i => i!["externalId"]!.GetValue<string>()).Where(e => e.StartsWith("freshness-", StringComparison.Ordinal))];
    }

    private async Task PutArticleAsync(string externalId, string title, string body)
    {
        var put = await _writer.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", new
        {
            url = $"https://freshness.example/{externalId}",
            title,
            body,
            language = "ar",
            publishedAt = "2026-11-20T09:00:00Z",
            source = new { name = "صحيفة الشروق اليومية", kind = "newspaper" },
        }, Ct);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Ct));
    }
}
