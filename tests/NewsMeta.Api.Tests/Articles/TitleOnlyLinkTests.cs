using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Articles;

/// <summary>
/// A link given by title alone (issue 21 item 5) resolves to an article with the same normalised title,
/// whichever arrives first; among several copies of one story it prefers the linking article's publisher,
/// then the closest publication time, so both arrival orders end at the same article.
/// </summary>
public sealed class TitleOnlyLinkTests(EmptyNewsMetaFactory factory) : IClassFixture<EmptyNewsMetaFactory>
{
    private const string Shorouk = "صحيفة الشروق الجديدة";
    private const string Wire = "وكالة أنباء الساحل";
    private const string Third = "موقع المرصد اليومي";

    private readonly HttpClient _client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_link_written_first_resolves_when_a_copy_arrives_and_moves_to_its_own_publishers_copy()
    {
        await PutAsync("title-link-first", Shorouk, "10:00", "مقال يشير إلى خبر المهرجان", linkTitle: "انطلاق مهرجان الربيع في المدينة القديمة");
        Assert.Null(await TargetAsync("title-link-first"));

        // Another publisher's copy, written with other alef and spacing: the normalised title matches.
        var wire = await PutAsync("title-link-first-wire", Wire, "09:30", "إنطلاق  مهرجان الربيع في المدينة القديمة");
        Assert.Equal(wire, await TargetAsync("title-link-first"));

        // The linking article's own publisher's copy, further in time, is preferred once it arrives.
        var own = await PutAsync("title-link-first-own", Shorouk, "05:00", "انطلاق مهرجان الربيع في المدينة القديمة");
        Assert.Equal(own, await TargetAsync("title-link-first"));

        // A third copy, closer in time but from another publisher, does not take it away.
        await PutAsync("title-link-first-third", Third, "10:05", "انطلاق مهرجان الربيع في المدينة القديمة");
        Assert.Equal(own, await TargetAsync("title-link-first"));
    }

    [Fact]
    public async Task The_link_written_last_resolves_at_once_by_publisher_then_closest_time()
    {
        var own = await PutAsync("title-link-last-own", Shorouk, "05:00", "افتتاح جسر النهر الجديد بعد عامين من العمل");
        var wire = await PutAsync("title-link-last-wire", Wire, "09:30", "افتتاح جسر النهر الجديد بعد عامين من العمل");
        await PutAsync("title-link-last-third", Third, "14:00", "افتتاح جسر النهر الجديد بعد عامين من العمل");

        await PutAsync("title-link-last", Shorouk, "10:00", "مقال عن الجسور", linkTitle: "افتتاح جسر النهر الجديد بعد عامين من العمل");
        Assert.Equal(own, await TargetAsync("title-link-last"));

        // No copy from its own publisher: the closest in time (09:30, not 14:00 or 05:00).
        await PutAsync("title-link-last-other", "صحيفة الميناء", "10:00", "مقال آخر عن الجسور", linkTitle: "افتتاح جسر النهر الجديد بعد عامين من العمل");
        Assert.Equal(wire, await TargetAsync("title-link-last-other"));
    }

    [Fact]
    public async Task A_title_no_article_has_stays_unresolved_and_an_article_never_links_to_itself()
    {
        await PutAsync("title-link-none", Shorouk, "10:00", "عنوان لا يتكرر في أي مكان آخر", linkTitle: "عنوان لا يتكرر في أي مكان آخر");
        Assert.Null(await TargetAsync("title-link-none"));
    }

    private async Task<int?> TargetAsync(string externalId)
    {
        var article = await (await _client.GetAsync($"/api/v1/articles/by-external-id/{externalId}", Ct)).NodeAsync();
        var link = article["links"]!.AsArray().Single(l => l!["origin"]!.GetValue<string>() == "publisher")!;
        return link["targetId"]?.GetValue<int>();
    }

    private async Task<int> PutAsync(string externalId, string source, string time, string title, string? linkTitle = null)
    {
        var response = await _client.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", new
        {
            title,
            body = "نص قصير عن الحدث كما نشرته الصحيفة في صفحتها المحلية صباح اليوم.",
            language = "ar",
            publishedAt = $"2026-11-20T{time}:00Z",
            source = new { name = source, kind = "newspaper" },
            links = linkTitle is null ? Array.Empty<object>() : [new { kind = "related", title = linkTitle }],
        }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.NodeAsync())["id"]!.GetValue<int>();
    }
}
