#if POSTGRES
using System.Net;
using System.Net.Http.Json;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.ScaleOut;

/// <summary>
/// Two API instances on one PostgreSQL database, as behind a load balancer: nothing a correct answer
/// depends on lives in one process, so a write acknowledged by one is what the other serves next.
/// </summary>
public sealed class TwoInstanceTests : IAsyncLifetime
{
    private readonly NewsMetaFactory _first = new();
    private NewsMetaFactory _second = null!;
    private HttpClient _a = null!;
    private HttpClient _b = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _a = _first.ClientWithKey(NewsMetaFactory.WriteKey);
        _second = new NewsMetaFactory { Database = _first.Database };
        _b = _second.ClientWithKey(NewsMetaFactory.WriteKey);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task Rest_write_on_one_is_read_on_the_other_with_the_same_etag()
    {
        var put = await _a.PutAsJsonAsync("/api/v1/articles/by-external-id/two-instances-1", Record("الإصدار الأول"), Ct);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var fromB = await _b.GetAsync("/api/v1/articles/by-external-id/two-instances-1", Ct);
        Assert.Equal(HttpStatusCode.OK, fromB.StatusCode);
        var fromA = await _a.GetAsync("/api/v1/articles/by-external-id/two-instances-1", Ct);
        Assert.Equal(fromA.Headers.ETag, fromB.Headers.ETag);

        // An update through B: A's next read has it, and the old ETag no longer matches on either.
        Assert.Equal(HttpStatusCode.OK, (await _b.PutAsJsonAsync("/api/v1/articles/by-external-id/two-instances-1", Record("الإصدار الثاني"), Ct)).StatusCode);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/articles/by-external-id/two-instances-1");
        conditional.Headers.IfNoneMatch.Add(fromA.Headers.ETag!);
        var afterUpdate = await _a.SendAsync(conditional, Ct);
        Assert.Equal(HttpStatusCode.OK, afterUpdate.StatusCode);
        Assert.Equal("الإصدار الثاني", (await afterUpdate.NodeAsync())["title"]!.GetValue<string>());

        Assert.Equal(HttpStatusCode.NoContent, (await _a.DeleteAsync($"/api/v1/articles/{(await fromB.NodeAsync())["id"]}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _b.GetAsync("/api/v1/articles/by-external-id/two-instances-1", Ct)).StatusCode);
    }

    [Fact]
    public async Task Graphql_mutation_on_one_is_queried_on_the_other_and_get_etags_agree()
    {
        var created = (await _b.GraphQLAsync("mutation($input: UpsertArticleInput!) { upsertArticle(input: $input) { article { id } } }",
            new { input = new { externalId = "two-instances-gql", title = "عبر نسختين", body = "نص", language = "ar", publishedAt = "2026-11-26T10:00:00Z", source = new { name = "موقع الأفق الإخباري", kind = "SITE" } } })).Data;
        var id = created["upsertArticle"]!["article"]!["id"]!.GetValue<string>();
        var url = $"/graphql?query={Uri.EscapeDataString($"{{ node(id: \"{id}\") {{ ... on Article {{ title }} }} }}")}";
        var onA = await _a.GetAsync(url, Ct);
        var onB = await _b.GetAsync(url, Ct);
        Assert.Equal("عبر نسختين", (await onA.NodeAsync())["data"]!["node"]!["title"]!.GetValue<string>());
        Assert.Equal(onA.Headers.ETag, onB.Headers.ETag);
    }

    [Fact]
    public async Task Persisted_query_registered_on_one_is_served_by_the_other()
    {
        const string Query = "{ keywords(first: 2) { nodes { name } } }";
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Query)));
        var extensions = new { persistedQuery = new { version = 1, sha256Hash = hash } };
        await _a.PostAsJsonAsync("/graphql", new { query = Query, extensions }, Ct);
        var response = await GraphQLClient.ReadAsync(await _b.PostAsJsonAsync("/graphql", new { extensions }, Ct));
        Assert.Equal(2, response.Data["keywords"]!["nodes"]!.AsArray().Count);
    }

    private static object Record(string title) => new
    {
        title,
        body = "نص عن بلدية الريان.",
        language = "ar",
        publishedAt = "2026-11-26T09:00:00Z",
        source = new { name = "صحيفة الشروق اليومية", kind = "newspaper" },
    };
}
#endif
