using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
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
    public async Task A_computed_link_explains_its_score_with_the_shared_entities_keywords_and_text_similarity()
    {
        var first = await PutAsync("reasons-a", "هيئة المرافئ تفتتح رصيف الحاويات الجديد", ["مرافئ", "رصيف الشحن"], [("هيئة المرافئ الشرقية", "organization"), ("ليلى الصواف", "person")]);
        var second = await PutAsync("reasons-b", "رصيف جديد في مرفأ الشرق", ["رصيف الشحن", "ملاحة"], [("هيئة المرافئ الشرقية", "organization"), ("ليلى الصواف", "person")]);

        var link = (await (await _client.GetAsync($"/api/v1/articles/{second}/links", Ct)).NodeAsync()).AsArray()
            .Single(l => l!["targetId"]?.GetValue<int>() == first)!;
        var reasons = link["reasons"]!;
        var entities = reasons["sharedEntities"]!.AsArray();
        Assert.Equal(new[] { "هيئة المرافئ الشرقية", "ليلى الصواف" }.Order(), entities.Select(e => e!["name"]!.GetValue<string>()).Order());
        Assert.Equal(["organization", "person"], entities.Select(e => e!["type"]!.GetValue<string>()).Order());
        // The publisher's shared keyword; extraction may add a shared one of its own (both titles say رصيف).
        var keywords = reasons["sharedKeywords"]!.AsArray();
        Assert.Contains("رصيف الشحن", keywords.Select(k => k!["name"]!.GetValue<string>()));
        Assert.DoesNotContain("ملاحة", keywords.Select(k => k!["name"]!.GetValue<string>()));
        // The weights are what the score is made of.
        var weights = entities.Concat(keywords).Select(r => r!["weight"]!.GetValue<double>()).ToList();
        Assert.All(weights, w => Assert.InRange(w, 0.0001, 1));
        Assert.Equal(link["score"]!.GetValue<double>(), weights.Sum(), 3);
        // Both titles say رصيف and الجديد (or جديد); the texts are not the same.
        Assert.InRange(reasons["textSimilarity"]!.GetValue<double>(), 0.05, 0.99);

        // The older article's link to the newcomer carries the same reasons.
        var back = (await (await _client.GetAsync($"/api/v1/articles/{first}/links", Ct)).NodeAsync()).AsArray()
            .Single(l => l!["targetId"]?.GetValue<int>() == second)!;
        Assert.Equal(reasons.ToJsonString(), back["reasons"]!.ToJsonString());

        var data = (await _client.GraphQLAsync(
            "query($id: Int!) { article(databaseId: $id) { links(kind: SIMILAR) { score target { databaseId } reasons { textSimilarity sharedEntities { name type weight entity { name } } sharedKeywords { name weight } } } } }",
            new { id = second })).Data;
        var graph = data["article"]!["links"]!.AsArray().Single(l => l!["target"]!["databaseId"]!.GetValue<int>() == first)!;
        Assert.Equal(reasons["textSimilarity"]!.GetValue<double>(), graph["reasons"]!["textSimilarity"]!.GetValue<double>());
        Assert.Equal(
            entities.Select(e => e!["name"]!.GetValue<string>()),
            graph["reasons"]!["sharedEntities"]!.AsArray().Select(e => e!["entity"]!["name"]!.GetValue<string>()));
        Assert.Equal(["ORGANIZATION", "PERSON"], graph["reasons"]!["sharedEntities"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).Order());
        Assert.Equal(keywords.Select(k => k!["name"]!.GetValue<string>()), graph["reasons"]!["sharedKeywords"]!.AsArray().Select(k => k!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Publisher_links_carry_no_reasons()
    {
        await PutAsync("reasons-c", "سباق الهجن في بادية الريم", ["هجن"], [("بادية الريم", "location")]);
        var response = await _client.PutAsJsonAsync("/api/v1/articles/by-external-id/reasons-d", new
        {
            title = "نتائج سباق الهجن",
            body = "أعلنت نتائج سباق الهجن في بادية الريم.",
            language = "ar",
            publishedAt = "2026-11-26T10:00:00Z",
            source = new { name = "موقع الأفق الإخباري", kind = "site" },
            links = new[] { new { externalId = "reasons-c", kind = "readAlso" } },
        }, Ct);
        var id = (await response.NodeAsync())["id"]!.GetValue<int>();
        var links = (await (await _client.GetAsync($"/api/v1/articles/{id}/links", Ct)).NodeAsync()).AsArray();
        var publisher = Assert.Single(links, l => l!["origin"]!.GetValue<string>() == "publisher")!;
        Assert.Null(publisher["reasons"]);
        Assert.All(links.Where(l => l!["origin"]!.GetValue<string>() == "computed"), l => Assert.NotNull(l!["reasons"]));
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

    [Fact]
    public async Task Deleting_an_article_refills_the_similar_lists_it_was_in_with_the_next_most_similar()
    {
        // Ten reports share the port authority and the strike with the first; an eleventh shares only the
        // authority, so it scores lower and stays out of the first article's ten. Three publisher keywords
        // each: no keywords are extracted from the (shared) body text.
        (string, string)[] authority = [("هيئة ميناء الرمال", "organization")];
        var first = await PutAsync("refill-0", "إضراب عمال ميناء الرمال", ["إضراب الميناء", "أرصفة التفريغ الشمالية", "نقابة بحارة الرمال"], authority);
        var close = new List<int>();
        for (var i = 1; i <= 10; i++)
        {
            close.Add(await PutAsync($"refill-{i}", $"اليوم {i} من إضراب ميناء الرمال", ["إضراب الميناء", $"مناوبة {i}", $"بيان {i}"], authority));
        }

        var distant = await PutAsync("refill-11", "هيئة ميناء الرمال تنشر جدول السفن", ["جدول السفن", "رسو سفن الرمال", "مواعيد الإبحار"], authority);
        var before = (await LinksAsync(first)).Where(l => l.Origin == "computed").Select(l => l.TargetId ?? 0).ToList();
        Assert.Equal(close.Order(), before.Order());

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/articles/{close[0]}", Ct)).StatusCode);

        var after = (await LinksAsync(first)).Where(l => l.Origin == "computed").ToList();
        Assert.Equal(close.Skip(1).Append(distant).Order(), after.Select(l => l.TargetId ?? 0).Order());
        Assert.All(after, l => Assert.True(l.Score > 0));
    }

    [Fact]
    public async Task Parallel_deletes_of_similar_articles_all_succeed_and_every_list_refills_without_them()
    {
        // Sixteen reports of one flood, all in each other's lists; twelve are deleted four at a time, each
        // delete recomputing the lists the others are in.
        (string, string)[] valley = [("وادي الصفصاف", "location"), ("لجنة إغاثة الصفصاف", "organization")];
        var ids = new List<int>();
        for (var i = 0; i < 16; i++)
        {
            ids.Add(await PutAsync($"flood-{i}", $"سيول وادي الصفصاف: التقرير {i}", ["سيول الصفصاف", $"حصيلة اليوم {i}", $"إغاثة {i}"], valley));
        }

        var doomed = ids.Take(12).ToList();
        var statuses = new List<HttpStatusCode>();
        foreach (var chunk in doomed.Chunk(4))
        {
            statuses.AddRange(await Task.WhenAll(chunk.Select(async id => (await _client.DeleteAsync($"/api/v1/articles/{id}", Ct)).StatusCode)));
        }

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NoContent, s));
        foreach (var kept in ids.Skip(12))
        {
            var targets = (await LinksAsync(kept)).Where(l => l.Origin == "computed").Select(l => l.TargetId ?? 0).ToList();
            Assert.Equal(ids.Skip(12).Where(id => id != kept).Order(), targets.Order());
        }
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
