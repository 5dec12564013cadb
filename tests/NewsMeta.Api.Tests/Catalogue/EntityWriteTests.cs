using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Catalogue;

/// <summary>POST /entities, PUT /entities/{id}, POST /entities/{id}/aliases and /merge: the contract's catalogue editing over REST.</summary>
public sealed class EntityWriteTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_is_201_with_a_location_and_finding_the_same_entity_again_is_200()
    {
        var created = await _client.PostAsJsonAsync("/api/v1/entities", new { name = "ليلى الفارس", type = "person", aliases = new[] { "Layla Al-Faris" } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var entity = await created.NodeAsync();
        Assert.Equal($"/api/v1/entities/{entity["id"]}", created.Headers.Location?.ToString());
        Assert.Contains("Layla Al-Faris", Aliases(entity));

        // Another spelling of the same name finds it.
        var again = await _client.PostAsJsonAsync("/api/v1/entities", new { name = "ليلى  الفارس", type = "person" }, Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(entity["id"]!.GetValue<int>(), (await again.NodeAsync())["id"]!.GetValue<int>());
    }

    [Fact]
    public async Task Rename_keeps_the_old_name_as_an_alias_and_honours_if_match()
    {
        var id = await CreateAsync("مؤسسة النخلة", "organization");
        var current = await _client.GetAsync($"/api/v1/entities/{id}", Ct);
        var etag = current.Headers.ETag!.Tag;

        var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/entities/{id}") { Content = JsonContent.Create(new { name = "x", type = "organization" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "\"not-the-etag\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await _client.SendAsync(stale, Ct)).StatusCode);

        var rename = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/entities/{id}") { Content = JsonContent.Create(new { name = "مؤسسة النخلة للتنمية", type = "organization" }) };
        rename.Headers.TryAddWithoutValidation("If-Match", etag);
        var renamed = await _client.SendAsync(rename, Ct);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var entity = await renamed.NodeAsync();
        Assert.Equal("مؤسسة النخلة للتنمية", entity["name"]!.GetValue<string>());
        Assert.Contains("مؤسسة النخلة", Aliases(entity));
    }

    [Fact]
    public async Task Unknown_ids_taken_names_bad_types_and_missing_keys_get_their_own_status()
    {
        var first = await CreateAsync("نادي الشاطئ", "organization");
        var second = await CreateAsync("نادي الميناء", "organization");
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PutAsJsonAsync("/api/v1/entities/999999", new { name = "x", type = "person" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await _client.PutAsJsonAsync($"/api/v1/entities/{second}", new { name = "نادي الشاطئ", type = "organization" }, Ct)).StatusCode);
        var badType = await _client.PutAsJsonAsync($"/api/v1/entities/{first}", new { name = "x", type = "planet" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
        Assert.NotNull((await badType.NodeAsync())["errors"]!["type"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PostAsJsonAsync("/api/v1/entities/999999/aliases", new { alias = "x" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsJsonAsync($"/api/v1/entities/{first}/aliases", new { }, Ct)).StatusCode);
        var mergeSelf = await _client.PostAsJsonAsync($"/api/v1/entities/{first}/merge", new { from = new[] { first } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, mergeSelf.StatusCode);
        Assert.NotNull((await mergeSelf.NodeAsync())["errors"]!["from"]);   // the body's field, not GraphQL's "ids"
        var mergeMissing = await _client.PostAsJsonAsync($"/api/v1/entities/{first}/merge", new { from = new[] { 999999 } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, mergeMissing.StatusCode);
        Assert.NotNull((await mergeMissing.NodeAsync())["errors"]!["from"]);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync("/api/v1/entities", new { name = "x", type = "person" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientWithKey(NewsMetaFactory.ReadKey).PostAsJsonAsync("/api/v1/entities", new { name = "x", type = "person" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Aliases_are_added_and_merge_moves_mentions_and_deletes_the_duplicates()
    {
        var keep = await CreateAsync("سليم الحوت", "person");
        var withAlias = await _client.PostAsJsonAsync($"/api/v1/entities/{keep}/aliases", new { aliases = new[] { "Salim Al-Hout", "سليم حوت" } }, Ct);
        Assert.Equal(HttpStatusCode.OK, withAlias.StatusCode);
        Assert.Contains("Salim Al-Hout", Aliases(await withAlias.NodeAsync()));

        var duplicate = await CreateAsync("س. الحوت", "person");
        var article = await _client.PutAsJsonAsync("/api/v1/articles/by-external-id/merge-story", new
        {
            title = "صياد يروي قصته",
            body = "روى س. الحوت قصة موسم الصيد.",
            language = "ar",
            publishedAt = "2026-11-27T09:00:00Z",
            source = new { name = "صحيفة الواحة", kind = "newspaper" },
            entities = new[] { new { name = "س. الحوت", type = "person" } },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, article.StatusCode);

        var merged = await _client.PostAsJsonAsync($"/api/v1/entities/{keep}/merge", new { from = new[] { duplicate } }, Ct);
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var entity = await merged.NodeAsync();
        Assert.Contains("س. الحوت", Aliases(entity));
        Assert.Equal(1, entity["articleCount"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/entities/{duplicate}", Ct)).StatusCode);
        var mentions = await (await _client.GetAsync($"/api/v1/entities/{keep}/articles", Ct)).NodeAsync();
        Assert.Equal("merge-story", Assert.Single(mentions["items"]!.AsArray())!["externalId"]!.GetValue<string>());
    }

    private async Task<int> CreateAsync(string name, string type)
    {
        var response = await _client.PostAsJsonAsync("/api/v1/entities", new { name, type }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.NodeAsync())["id"]!.GetValue<int>();
    }

    private static List<string> Aliases(JsonNode entity) => [.. entity["aliases"]!.AsArray().Select(a => a!.GetValue<string>())];
}
