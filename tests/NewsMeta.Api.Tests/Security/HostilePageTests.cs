using System.Net;
using System.Text;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Security;

/// <summary>
/// Pages built to make the run-together splitter work hard (a related line of thousands of words that a
/// similar "title" of the same words would attest) are answered, with a problem or an import, not left
/// running: the request carries a deadline, and a hang fails the test instead of stalling the suite.
/// </summary>
public sealed class HostilePageTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Body, publisher, a related line of <paramref name="words"/> words and a similar title of the same words.</summary>
    private static string Page(int words)
    {
        var run = string.Join(' ', Enumerable.Range(0, words).Select(i => $"كلمة{i % 50}"));
        return $"""
            خبر قصير عن مدينة الريان.
            أخبار ذات صلة {run}
            المصدر: صحيفة الاختبار
            كلمات دلالية: {run}
            مقالات مشابهة
            - {run}
            """;
    }

    [Theory]
    [InlineData(900)]   // under the page's word cap: split, within the splitter's bounds
    [InlineData(2_000)] // the measured 22 KB page (12 s before)
    [InlineData(4_000)] // the measured 46 KB page (minutes before)
    public async Task A_hostile_page_is_answered_not_left_running(int words)
    {
        using var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        client.Timeout = TimeSpan.FromSeconds(60);
        var response = await client.PostAsync(
            $"/api/v1/articles/import-page?externalId=hostile-{words}&title=hostile&publishedAt=2026-11-24T09:00:00Z",
            new StringContent(Page(words), Encoding.UTF8, "text/plain"), Ct);

        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.UnprocessableEntity,
            $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        if (response.StatusCode != HttpStatusCode.Created)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Too_many_words_to_split_is_refused_before_splitting()
    {
        using var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        var response = await client.PostAsync(
            "/api/v1/articles/import-page?externalId=hostile-refused&title=hostile&publishedAt=2026-11-24T09:00:00Z",
            new StringContent(Page(4_000), Encoding.UTF8, "text/plain"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most", (await response.NodeAsync())["errors"]!["text"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/articles/by-external-id/hostile-refused", Ct)).StatusCode);
    }
}
