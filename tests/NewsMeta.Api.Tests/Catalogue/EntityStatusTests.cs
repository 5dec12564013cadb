using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Catalogue;

/// <summary>Entity status and confidence: the status filter, confirming with PUT, deleting with DELETE (REST and GraphQL reads).</summary>
public sealed class EntityStatusTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discovered_entities_are_listed_by_status_and_confirming_one_drops_its_confidence()
    {
        var id = await CreateAsync("نادر الصباغ", "person");
        var created = await (await _client.GetAsync($"/api/v1/entities/{id}", Ct)).NodeAsync();
        Assert.Equal("confirmed", created["status"]!.GetValue<string>());
        Assert.Null(created["confidence"]);

        await MarkDiscoveredAsync(id, 0.6);
        Assert.Contains(id, await ListedAsync("discovered"));
        Assert.DoesNotContain(id, await ListedAsync("confirmed"));
        var graph = await _client.GraphQLAsync("{ entities(first: 100, where: {status: DISCOVERED}) { nodes { databaseId status confidence } } }");
        var node = graph.Data["entities"]!["nodes"]!.AsArray().Single(n => n!["databaseId"]!.GetValue<int>() == id)!;
        Assert.Equal("DISCOVERED", node["status"]!.GetValue<string>());
        Assert.Equal(0.6, node["confidence"]!.GetValue<double>(), 3);

        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PutAsJsonAsync($"/api/v1/entities/{id}", new { status = "discovered" }, Ct)).StatusCode);
        var confirmed = await _client.PutAsJsonAsync($"/api/v1/entities/{id}", new { status = "confirmed" }, Ct);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var entity = await confirmed.NodeAsync();
        Assert.Equal("confirmed", entity["status"]!.GetValue<string>());
        Assert.Null(entity["confidence"]);
        Assert.Equal("نادر الصباغ", entity["name"]!.GetValue<string>());
        Assert.DoesNotContain(id, await ListedAsync("discovered"));
        Assert.Contains(id, await ListedAsync("confirmed"));
    }

    [Fact]
    public async Task Bad_status_filters_and_unknown_ids_are_problems_and_writes_need_the_write_scope()
    {
        var bad = await _client.GetAsync("/api/v1/entities?status=maybe", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull((await bad.NodeAsync())["errors"]!["status"]);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.PutAsJsonAsync("/api/v1/entities/999999", new { status = "confirmed" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.DeleteAsync("/api/v1/entities/999999", Ct)).StatusCode);
        var id = await CreateAsync("هيئة الموانئ الساحلية", "organization");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().DeleteAsync($"/api/v1/entities/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.ClientWithKey(NewsMetaFactory.ReadKey).DeleteAsync($"/api/v1/entities/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/v1/entities/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Deleting_an_entity_removes_its_mentions_and_gives_the_articles_a_new_version()
    {
        var stored = await _client.PutAsJsonAsync("/api/v1/articles/by-external-id/status-delete-story", new
        {
            title = "افتتاح معرض الخط العربي",
            body = "افتتحت وداد الكرمي معرض الخط العربي في المدينة القديمة.",
            language = "ar",
            publishedAt = "2026-11-28T09:00:00Z",
            source = new { name = "صحيفة الواحة", kind = "newspaper" },
            entities = new[] { new { name = "وداد الكرمي", type = "person" } },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        var entityId = (await stored.NodeAsync())["entities"]!.AsArray().Single()!["id"]!.GetValue<int>();
        var etagBefore = (await _client.GetAsync("/api/v1/articles/by-external-id/status-delete-story", Ct)).Headers.ETag!.Tag;

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/v1/entities/{entityId}", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/v1/entities/{entityId}", Ct)).StatusCode);
        var read = await _client.GetAsync("/api/v1/articles/by-external-id/status-delete-story", Ct);
        Assert.Empty((await read.NodeAsync())["entities"]!.AsArray());
        Assert.NotEqual(etagBefore, read.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.DeleteAsync($"/api/v1/entities/{entityId}", Ct)).StatusCode);
    }

    /// <summary>Discovery itself is tested through page imports; here a catalogue entry is turned into a discovery directly.</summary>
    private async Task MarkDiscoveredAsync(int id, double confidence)
    {
        using var scope = factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<NewsDbContext>().Entities.Where(e => e.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Status, EntityStatus.Discovered).SetProperty(e => e.Confidence, confidence), Ct);
    }

    private async Task<List<int>> ListedAsync(string status)
    {
        var page = await (await _client.GetAsync($"/api/v1/entities?status={status}&limit=100", Ct)).NodeAsync();
        return [.. page["items"]!.AsArray().Select(e => e!["id"]!.GetValue<int>())];
    }

    private async Task<int> CreateAsync(string name, string type)
    {
        var response = await _client.PostAsJsonAsync("/api/v1/entities", new { name, type }, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.NodeAsync())["id"]!.GetValue<int>();
    }
}
