using System.Net;
using System.Net.Http.Json;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Security;

/// <summary>
/// If-Match on DELETE article, PUT entity, POST aliases and merge: a stale tag or a weak one (W/"…", which
/// RFC 9110 never lets match an If-Match) is a 412 and changes nothing; the current tag succeeds.
/// </summary>
public sealed class PreconditionTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Delete_article_refuses_stale_and_weak_tags_and_takes_the_current_one()
    {
        var put = await _client.PutAsJsonAsync("/api/v1/articles/by-external-id/if-match-delete", Article("خبر سيحذف"), Ct);
        var id = (await put.NodeAsync())["id"]!.GetValue<int>();
        var etag = put.Headers.ETag!.Tag;

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(HttpMethod.Delete, $"/api/v1/articles/{id}", "\"stale\"")).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(HttpMethod.Delete, $"/api/v1/articles/{id}", "W/" + etag)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/v1/articles/{id}", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, $"/api/v1/articles/{id}", etag)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/articles/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(HttpMethod.Delete, $"/api/v1/articles/{id}", etag)).StatusCode);
    }

    [Fact]
    public async Task A_weak_tag_never_licenses_an_article_upsert()
    {
        var put = await _client.PutAsJsonAsync("/api/v1/articles/by-external-id/if-match-put", Article("خبر أول"), Ct);
        var weak = await SendAsync(HttpMethod.Put, "/api/v1/articles/by-external-id/if-match-put", "W/" + put.Headers.ETag!.Tag, Article("خبر معدل"));
        Assert.Equal(HttpStatusCode.PreconditionFailed, weak.StatusCode);
        Assert.Equal("application/problem+json", weak.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Update_entity_refuses_stale_and_weak_tags_and_takes_the_current_one()
    {
        var id = await CreateEntityAsync("مؤسسة الشراع");
        var etag = await EntityETagAsync(id);
        var body = new { name = "مؤسسة الشراع الجديدة", type = "organization" };

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(HttpMethod.Put, $"/api/v1/entities/{id}", "\"stale\"", body)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(HttpMethod.Put, $"/api/v1/entities/{id}", "W/" + etag, body)).StatusCode);
        Assert.Equal("مؤسسة الشراع", (await EntityAsync(id))["name"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Put, $"/api/v1/entities/{id}", etag, body)).StatusCode);
        Assert.Equal("مؤسسة الشراع الجديدة", (await EntityAsync(id))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Add_aliases_refuses_stale_and_weak_tags_and_takes_the_current_one()
    {
        var id = await CreateEntityAsync("شركة المرفأ");
        var etag = await EntityETagAsync(id);
        var body = new { aliases = new[] { "Marfa Company", "شركة مرفأ" } };

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(HttpMethod.Post, $"/api/v1/entities/{id}/aliases", "\"stale\"", body)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(HttpMethod.Post, $"/api/v1/entities/{id}/aliases", "W/" + etag, body)).StatusCode);
        Assert.DoesNotContain("Marfa Company", Aliases(await EntityAsync(id)));

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, $"/api/v1/entities/{id}/aliases", etag, body)).StatusCode);
        Assert.Contains("Marfa Company", Aliases(await EntityAsync(id)));
    }

    [Fact]
    public async Task Merge_refuses_stale_and_weak_tags_and_takes_the_current_one()
    {
        var keep = await CreateEntityAsync("هيئة السدود");
        var duplicate = await CreateEntityAsync("هيئة السدود العامة");
        var etag = await EntityETagAsync(keep);
        var body = new { from = new[] { duplicate } };

        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(HttpMethod.Post, $"/api/v1/entities/{keep}/merge", "\"stale\"", body)).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await SendAsync(HttpMethod.Post, $"/api/v1/entities/{keep}/merge", "W/" + etag, body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/v1/entities/{duplicate}", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Post, $"/api/v1/entities/{keep}/merge", etag, body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/entities/{duplicate}", Ct)).StatusCode);
        Assert.Contains("هيئة السدود العامة", Aliases(await EntityAsync(keep)));
    }

    [Fact]
    public async Task Of_concurrent_renames_holding_one_ETag_exactly_one_succeeds()
    {
        var id = await CreateEntityAsync("رابطة الصيادين");
        var etag = await EntityETagAsync(id);
        var answers = await Task.WhenAll(Enumerable.Range(1, 4).Select(i =>
            SendAsync(HttpMethod.Put, $"/api/v1/entities/{id}", etag, new { name = $"رابطة الصيادين {i}", type = "organization" })));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.PreconditionFailed));
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, string ifMatch, object? body = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await _client.SendAsync(request, Ct);
    }

    private async Task<int> CreateEntityAsync(string name)
    {
        var created = await _client.PostAsJsonAsync("/api/v1/entities", new { name, type = "organization" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.NodeAsync())["id"]!.GetValue<int>();
    }

    private async Task<string> EntityETagAsync(int id) => (await _client.GetAsync($"/api/v1/entities/{id}", Ct)).Headers.ETag!.Tag;

    private async Task<System.Text.Json.Nodes.JsonNode> EntityAsync(int id) => await (await _client.GetAsync($"/api/v1/entities/{id}", Ct)).NodeAsync();

    private static List<string> Aliases(System.Text.Json.Nodes.JsonNode entity) =>
        entity["aliases"]!.AsArray().Select(a => a!.GetValue<string>()).ToList();

    private static object Article(string title) => new
    {
        title,
        body = "نص الخبر.",
        language = "ar",
        publishedAt = "2026-11-27T09:00:00Z",
        source = new { name = "صحيفة الاختبار", kind = "newspaper" },
    };
}
