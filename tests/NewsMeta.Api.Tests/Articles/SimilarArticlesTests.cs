using System.Net;
using System.Net.Http.Json;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Articles;

/// <summary>Computed similar links: by shared rare entities and keywords, both ways, never over publisher links.</summary>
public sealed class SimilarArticlesTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Articles_sharing_rare_entities_and_keywords_link_each_other_as_similar()
    {
        var first = await PutAsync("similar-a", "مرصد الكثبان يرصد عاصفة", ["عواصف رملية", "مرصد الكثبان"], [("مرصد الكثبان", "organization"), ("هاني السراج", "person")]);
        var second = await PutAsync("similar-b", "عاصفة رملية جديدة", ["عواصف رملية", "طقس"], [("مرصد الكثبان", "organization"), ("هاني السراج", "person")]);

        var fromSecond = (await LinksAsync(second)).Single(l => l.TargetId == first);
        Assert.Equal(("similar", "computed"), (fromSecond.Kind, fromSecond.Origin));
        Assert.True(fromSecond.Score > 0);
        // The older article was offered the newcomer too: similarity is kept both ways, incrementally.
        Assert.Contains(await LinksAsync(first), l => l.TargetId == second && l.Kind == "similar" && l.Origin == "computed");
        Assert.All(await LinksAsync(second), l => Assert.NotEqual(second, l.TargetId));
    }

    [Fact]
    public async Task Publisher_links_are_never_duplicated_or_overwritten_by_computed_ones()
    {
        var target = await PutAsync("similar-c", "مهرجان التمور في واحة سراب", ["تمور"], [("واحة سراب", "location")]);
        var response = await _client.PutAsJsonAsync("/api/v1/articles/by-external-id/similar-d", new
        {
            title = "ختام مهرجان التمور",
            body = "اختتم مهرجان التمور في واحة سراب.",
            language = "ar",
            publishedAt = "2026-11-26T10:00:00Z",
            source = new { name = "موقع الأفق الإخباري", kind = "site" },
            keywords = new[] { "تمور" },
            entities = new[] { new { name = "واحة سراب", type = "location" } },
            links = new[] { new { externalId = "similar-c", kind = "related" } },
        }, Ct);
        var id = (await response.NodeAsync())["id"]!.GetValue<int>();
        var links = await LinksAsync(id);
        var toTarget = Assert.Single(links, l => l.TargetId == target);
        Assert.Equal(("related", "publisher"), (toTarget.Kind, toTarget.Origin));
    }

    [Fact]
    public async Task Deleting_an_article_removes_computed_links_to_it()
    {
        var first = await PutAsync("similar-e", "قافلة طبية إلى قرية الغدير", ["قوافل طبية"], [("قرية الغدير", "location")]);
        var second = await PutAsync("similar-f", "القافلة الطبية تعالج مئات المرضى", ["قوافل طبية"], [("قرية الغدير", "location")]);
        Assert.Contains(await LinksAsync(first), l => l.TargetId == second);
        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/articles/{second}", Ct)).StatusCode);
        Assert.DoesNotContain(await LinksAsync(first), l => l.Origin == "computed" && (l.TargetId == second || l.TargetId is null));
    }

    private async Task<int> PutAsync(string externalId, string title, string[] keywords, (string Name, string Type)[] entities)
    {
        var response = await _client.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", new
        {
            title,
            body = $"{title}. تفاصيل الخبر في سطور قليلة.",
            language = "ar",
            publishedAt = "2026-11-26T09:00:00Z",
            source = new { name = "موقع الأفق الإخباري", kind = "site" },
            keywords,
            entities = entities.Select(e => new { name = e.Name, type = e.Type }),
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.NodeAsync())["id"]!.GetValue<int>();
    }

    private async Task<List<LinkView>> LinksAsync(int id) =>
        await (await _client.GetAsync($"/api/v1/articles/{id}/links", Ct)).ReadAsync<List<LinkView>>();
}
