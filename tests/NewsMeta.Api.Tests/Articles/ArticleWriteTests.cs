using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Articles;

public sealed class ArticleWriteTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _writer = factory.ClientWithKey(NewsMetaFactory.WriteKey);

    private static JsonObject NewRecord(string externalId, string title = "وزيرة الاقتصاد تعلن حزمة دعم للمشاريع الصغيرة") => new()
    {
        ["url"] = $"https://tests.example/{externalId}",
        ["title"] = title,
        ["summary"] = "حزمة دعم جديدة",
        ["body"] = "أعلنت وزيرة الاقتصاد ليلى المنصوري حزمة دعم.\n\nوقالت المنصوري إن الحزمة تشمل قروضا ميسرة.",
        ["language"] = "ar",
        ["publishedAt"] = "2026-11-20T10:00:00Z",
        ["updatedAt"] = null,
        ["source"] = new JsonObject { ["name"] = "صحيفة الشروق اليومية", ["kind"] = "newspaper" },
        ["credits"] = new JsonArray(new JsonObject { ["name"] = "وكالة زهران للأنباء", ["kind"] = "agency" }),
        ["keywords"] = new JsonArray("مشاريع صغيرة", "ليلى المنصوري"),
        ["entities"] = new JsonArray(new JsonObject { ["name"] = "ليلى المنصوري", ["type"] = "person", ["aliases"] = new JsonArray("المنصوري") }),
        ["links"] = new JsonArray(new JsonObject { ["externalId"] = "shorouq-2026-03-10-budget-vote", ["kind"] = "related" }),
    };

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string externalId, JsonObject record, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/articles/by-external-id/{externalId}") { Content = JsonContent.Create(record) };
        configure?.Invoke(request);
        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Put_without_key_is_401_and_with_read_key_is_403()
    {
        var anonymous = await PutAsync(factory.CreateClient(), "auth-test", NewRecord("auth-test"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        var reader = await PutAsync(factory.ClientWithKey(NewsMetaFactory.ReadKey), "auth-test", NewRecord("auth-test"));
        Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        var wrong = await PutAsync(factory.ClientWithKey("not-a-key"), "auth-test", NewRecord("auth-test"));
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/api/v1/articles/by-external-id/auth-test", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Put_creates_then_updates_then_reports_unchanged()
    {
        var created = await PutAsync(_writer, "write-test-1", NewRecord("write-test-1"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var article = await created.ReadAsync<ArticleView>();
        Assert.Equal($"/api/v1/articles/{article.Id}", created.Headers.Location?.OriginalString);
        Assert.Equal("ليلى المنصوري", Assert.Single(article.Entities).Name);
        Assert.NotNull(Assert.Single(article.Links, l => l.Origin == "publisher").TargetId);

        var changed = NewRecord("write-test-1", "عنوان معدل");
        var updated = await PutAsync(_writer, "write-test-1", changed);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("عنوان معدل", (await updated.ReadAsync<ArticleView>()).Title);

        var again = await PutAsync(_writer, "write-test-1", changed);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(updated.Headers.ETag, again.Headers.ETag);
        var fetched = await factory.CreateClient().GetAsync($"/api/v1/articles/{article.Id}", TestContext.Current.CancellationToken);
        Assert.Equal(updated.Headers.ETag, fetched.Headers.ETag);
    }

    [Theory]
    [InlineData("title", null, "title")]
    [InlineData("language", "", "language")]
    [InlineData("url", "ftp://files.example/x", "url")]
    [InlineData("publishedAt", "10/03/2026", "publishedAt")]
    [InlineData("updatedAt", "2020-01-01T00:00:00Z", "updatedAt")]
    public async Task Put_with_an_invalid_field_is_a_400_naming_it(string field, string? value, string expectedField)
    {
        var record = NewRecord("invalid-test");
        record[field] = value;
        var response = await PutAsync(_writer, "invalid-test", record);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ReadAsync<ProblemView>();
        Assert.Contains(expectedField, problem.Errors!.Keys);
    }

    [Fact]
    public async Task Put_rejects_bad_kinds_malformed_json_and_a_mismatched_externalId()
    {
        var record = NewRecord("kind-test");
        record["links"] = new JsonArray(new JsonObject { ["title"] = "x", ["kind"] = "cousin" });
        record["source"] = new JsonObject { ["name"] = "x", ["kind"] = "blog" };
        var problem = await (await PutAsync(_writer, "kind-test", record)).ReadAsync<ProblemView>();
        Assert.Contains("links[0].kind", problem.Errors!.Keys);
        Assert.Contains("source.kind", problem.Errors!.Keys);

        var malformed = new HttpRequestMessage(HttpMethod.Put, "/api/v1/articles/by-external-id/kind-test") { Content = new StringContent("{\"title\": ", System.Text.Encoding.UTF8, "application/json") };
        Assert.Equal(HttpStatusCode.BadRequest, (await _writer.SendAsync(malformed, TestContext.Current.CancellationToken)).StatusCode);

        var mismatch = NewRecord("kind-test");
        mismatch["externalId"] = "another-id";
        var mismatchProblem = await (await PutAsync(_writer, "kind-test", mismatch)).ReadAsync<ProblemView>();
        Assert.Contains("externalId", mismatchProblem.Errors!.Keys);
    }

    [Fact]
    public async Task Put_with_a_url_owned_by_another_article_is_a_409()
    {
        var record = NewRecord("url-thief");
        record["url"] = "https://shorouq.example/ar/2026/03/10/budget-vote";
        var response = await PutAsync(_writer, "url-thief", record);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task If_Match_makes_writes_conditional()
    {
        var created = await PutAsync(_writer, "match-test", NewRecord("match-test"));
        var etag = created.Headers.ETag!;
        var stale = await PutAsync(_writer, "match-test", NewRecord("match-test", "أ"), r => r.Headers.IfMatch.Add(new EntityTagHeaderValue("\"0000\"")));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var fresh = await PutAsync(_writer, "match-test", NewRecord("match-test", "ب"), r => r.Headers.IfMatch.Add(etag));
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        var createOnly = await PutAsync(_writer, "match-test", NewRecord("match-test", "ج"), r => r.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any));
        Assert.Equal(HttpStatusCode.PreconditionFailed, createOnly.StatusCode);
        Assert.Equal("ب", (await (await factory.CreateClient().GetAsync("/api/v1/articles/by-external-id/match-test", TestContext.Current.CancellationToken)).ReadAsync<ArticleView>()).Title);
    }

    [Fact]
    public async Task Delete_leaves_links_to_the_article_unresolved_and_they_resolve_when_it_returns()
    {
        var target = await PutAsync(_writer, "delete-target", NewRecord("delete-target", "مقال سيحذف"));
        var targetId = (await target.ReadAsync<ArticleView>()).Id;
        var linking = NewRecord("delete-linker");
        linking["links"] = new JsonArray(new JsonObject { ["externalId"] = "delete-target", ["title"] = "عنوان الرابط", ["kind"] = "readAlso" });
        var linker = await (await PutAsync(_writer, "delete-linker", linking)).ReadAsync<ArticleView>();
        Assert.Equal(targetId, linker.Links.Single(l => l.Origin == "publisher").TargetId);

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().DeleteAsync($"/api/v1/articles/{targetId}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _writer.DeleteAsync($"/api/v1/articles/{targetId}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _writer.DeleteAsync($"/api/v1/articles/{targetId}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _writer.GetAsync($"/api/v1/articles/{targetId}", TestContext.Current.CancellationToken)).StatusCode);

        var unresolved = (await (await _writer.GetAsync($"/api/v1/articles/{linker.Id}", TestContext.Current.CancellationToken)).ReadAsync<ArticleView>()).Links.Single(l => l.Origin == "publisher");
        Assert.Null(unresolved.TargetId);
        Assert.Equal("delete-target", unresolved.TargetExternalId);
        Assert.Equal("عنوان الرابط", unresolved.Title);

        var back = await (await PutAsync(_writer, "delete-target", NewRecord("delete-target", "مقال عاد"))).ReadAsync<ArticleView>();
        var resolved = (await (await _writer.GetAsync($"/api/v1/articles/{linker.Id}", TestContext.Current.CancellationToken)).ReadAsync<ArticleView>()).Links.Single(l => l.Origin == "publisher");
        Assert.Equal(back.Id, resolved.TargetId);
        Assert.Equal("مقال عاد", resolved.Title);
    }

    [Fact]
    public async Task Writes_keep_catalogue_counts_in_step()
    {
        var before = await KeywordCountAsync("مؤشر اختبار العد");
        Assert.Equal(0, before);
        var record = NewRecord("count-test");
        record["keywords"] = new JsonArray("مؤشر اختبار العد");
        var created = await (await PutAsync(_writer, "count-test", record)).ReadAsync<ArticleView>();
        Assert.Equal(1, await KeywordCountAsync("مؤشر اختبار العد"));
        await _writer.DeleteAsync($"/api/v1/articles/{created.Id}", TestContext.Current.CancellationToken);
        Assert.Equal(0, await KeywordCountAsync("مؤشر اختبار العد"));
    }

    private async Task<int> KeywordCountAsync(string name)
    {
        var page = await (await _writer.GetAsync($"/api/v1/keywords?q={Uri.EscapeDataString(name)}", TestContext.Current.CancellationToken)).ReadAsync<PageOf<CountedView>>();
        return page.Items.SingleOrDefault()?.ArticleCount ?? 0;
    }
}
