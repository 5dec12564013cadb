using System.Net;
using System.Net.Http.Json;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Security;

/// <summary>POST /entities/{id}/aliases is capped like the entity writes, and adds all of its aliases or none.</summary>
public sealed class AliasLimitTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task More_aliases_than_the_cap_is_a_400_problem_and_stores_none()
    {
        var id = await CreateEntityAsync("مجلس المدينة");
        var aliases = Enumerable.Range(0, 201).Select(i => $"alias-{i}").ToArray();

        var response = await _client.PostAsJsonAsync($"/api/v1/entities/{id}/aliases", new { aliases }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull((await response.NodeAsync())["errors"]!["aliases"]);
        Assert.Empty(await AliasesAsync(id));

        // At the cap it is one write.
        var atCap = await _client.PostAsJsonAsync($"/api/v1/entities/{id}/aliases", new { aliases = aliases[..200] }, Ct);
        Assert.Equal(HttpStatusCode.OK, atCap.StatusCode);
        Assert.Equal(200, (await AliasesAsync(id)).Count);
    }

    [Fact]
    public async Task One_bad_alias_refuses_the_whole_request()
    {
        var id = await CreateEntityAsync("مجلس القرية");
        var response = await _client.PostAsJsonAsync($"/api/v1/entities/{id}/aliases", new { aliases = new[] { "Village Council", "\u202E\u200B" } }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.NodeAsync())["errors"]!["aliases[1]"]);
        Assert.Empty(await AliasesAsync(id));
    }

    private async Task<int> CreateEntityAsync(string name)
    {
        var created = await _client.PostAsJsonAsync("/api/v1/entities", new { name, type = "organization" }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.NodeAsync())["id"]!.GetValue<int>();
    }

    private async Task<List<string>> AliasesAsync(int id) =>
        [.. (await (await _client.GetAsync($"/api/v1/entities/{id}", Ct)).NodeAsync())["aliases"]!.AsArray().Select(a => a!.GetValue<string>())];
}
