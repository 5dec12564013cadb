using System.Net;
using System.Net.Http.Json;
using NewsMeta.Api;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.ScaleOut;

/// <summary>
/// Two instances on one database without Redis, each caching GET responses in its own memory keyed by
/// the database's data generation: a repeat runs no EF query (SQLite reads the generation row with one
/// prepared statement; PostgreSQL is notified by LISTEN/NOTIFY), and a write on the other instance makes the
/// next read fresh (REST and GraphQL GET): at once on SQLite, as soon as the notification lands on PostgreSQL.
/// </summary>
public sealed class InProcessResponseCacheTests : IAsyncDisposable
{
    private readonly NewsMetaFactory _first;
    private readonly NewsMetaFactory _second;

    public InProcessResponseCacheTests()
    {
        _first = new NewsMetaFactory { Settings = { ["Caching:InProcess"] = "true" } };
        _second = new NewsMetaFactory { Database = _first.Database, Settings = { ["Caching:InProcess"] = "true" } };
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// EF SQL commands a cached answer costs once the instance is warm: none. (SQLite reads the generation
    /// through its own prepared statement, which the counter does not see; PostgreSQL is notified.)
    /// </summary>
    private const int GenerationQueries = 0;

    /// <summary>
    /// SQL commands of a repeated GET. On PostgreSQL the listener connects in the background after start-up,
    /// and until then requests read the row: repeat until it is connected (at most 5 s).
    /// </summary>
    private async Task<int> RepeatCostAsync(HttpClient client, string url)
    {
        for (var attempt = 0; ; attempt++)
        {
            _first.Sql.Reset();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url, Ct)).StatusCode);
            if (_first.Sql.Count == GenerationQueries || attempt == 50)
            {
                return _first.Sql.Count;
            }

            await Task.Delay(100, Ct);
        }
    }

    /// <summary>
    /// Reads until <paramref name="fresh"/> holds: once on SQLite (the generation is read per request), for at
    /// most 3 s on PostgreSQL (the other instance's notification arrives asynchronously, in milliseconds).
    /// </summary>
    private async Task<T> FreshAsync<T>(Func<Task<T>> read, Func<T, bool> fresh)
    {
        var deadline = DateTime.UtcNow.AddSeconds(_first.Database.IsPostgres ? 3 : 0);
        while (true)
        {
            var value = await read();
            if (fresh(value) || DateTime.UtcNow >= deadline)
            {
                return value;
            }

            await Task.Delay(20, Ct);
        }
    }

    [Fact]
    public async Task A_repeat_costs_one_generation_query_and_a_write_on_the_other_instance_refreshes_it()
    {
        var a = _first.CreateClient();
        var writer = _second.ClientWithKey(NewsMetaFactory.WriteKey);
        const string Url = "/api/v1/articles/by-external-id/shorouq-2026-03-10-budget-vote";
        var before = await (await a.GetAsync(Url, Ct)).NodeAsync();
        Assert.Equal(GenerationQueries, await RepeatCostAsync(a, Url)); // the generation at most, nothing else
        Assert.Equal(before.ToJsonString(), (await (await a.GetAsync(Url, Ct)).NodeAsync()).ToJsonString());

        var record = TestJson.SampleRecords().Single(r => r["externalId"]!.GetValue<string>() == "shorouq-2026-03-10-budget-vote");
        record["title"] = "عنوان معدل عبر النسخة الثانية دون ذاكرة مشتركة";
        Assert.Equal(HttpStatusCode.OK, (await writer.PutAsJsonAsync(Url, record, Ct)).StatusCode);

        const string Edited = "عنوان معدل عبر النسخة الثانية دون ذاكرة مشتركة";
        var after = await FreshAsync(async () => await (await a.GetAsync(Url, Ct)).NodeAsync(), n => n["title"]!.GetValue<string>() == Edited);
        Assert.Equal(Edited, after["title"]!.GetValue<string>());

        // Partners' keyed reads are cached too, apart from anonymous ones and from other keys.
        var withKey = _first.ClientWithKey(NewsMetaFactory.ReadKey);
        Assert.Equal(HttpStatusCode.OK, (await withKey.GetAsync(Url, Ct)).StatusCode);
        _first.Sql.Reset();
        Assert.Equal(Edited, (await (await withKey.GetAsync(Url, Ct)).NodeAsync())["title"]!.GetValue<string>());
        Assert.Equal(GenerationQueries, _first.Sql.Count);
        using var jsonLd = new HttpRequestMessage(HttpMethod.Get, Url);
        jsonLd.Headers.Accept.ParseAdd("application/ld+json");
        var ld = await a.SendAsync(jsonLd, Ct);
        Assert.Equal("application/ld+json", ld.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_cached_graphql_get_is_refreshed_after_a_mutation_on_the_other_instance()
    {
        var a = _first.CreateClient();
        var writer = _second.ClientWithKey(NewsMetaFactory.WriteKey);
        var url = $"/graphql?query={Uri.EscapeDataString("{ entity(databaseId: 2) { aliases } }")}";
        await a.GetAsync(url, Ct);
        Assert.Equal(GenerationQueries, await RepeatCostAsync(a, url));

        var alias = $"alias {Guid.NewGuid():N}";
        var payload = (await writer.GraphQLAsync("mutation($a: String!) { addEntityAlias(entityId: \"2\", alias: $a) { userErrors { field } } }", new { a = alias })).Data;
        Assert.Empty(payload["addEntityAlias"]!["userErrors"]!.AsArray());

        var fresh = await FreshAsync(async () => await (await a.GetAsync(url, Ct)).NodeAsync(),
            n => n["data"]!["entity"]!["aliases"]!.AsArray().Any(x => x!.GetValue<string>() == alias));
        Assert.Contains(alias, fresh["data"]!["entity"]!["aliases"]!.AsArray().Select(x => x!.GetValue<string>()));

        // Webhook subscriptions change without the data generation: a GET reading them is never stored.
        var hooks = $"/graphql?query={Uri.EscapeDataString("{ webhooks { id } }")}";
        var keyed = _first.ClientWithKey(NewsMetaFactory.WriteKey);
        Assert.Empty((await (await keyed.GetAsync(hooks, Ct)).NodeAsync())["data"]!["webhooks"]!.AsArray());
        Assert.Equal(HttpStatusCode.Created, (await keyed.PostAsJsonAsync("/api/v1/webhooks", new { url = "http://127.0.0.1:9/hooks", events = new[] { "article.created" }, secret = "a-long-enough-secret" }, Ct)).StatusCode);
        Assert.Single((await (await keyed.GetAsync(hooks, Ct)).NodeAsync())["data"]!["webhooks"]!.AsArray());
    }

    [Fact]
    public async Task A_multi_operation_get_is_stored_or_not_by_the_operation_it_runs()
    {
        // One document, two queries: what decides storage is the selected operation, not the document's text.
        const string Document = "query Hooks { webhooks { id } } query Sources { sources(first: 1) { totalCount } }";
        var keyed = _first.ClientWithKey(NewsMetaFactory.WriteKey);
        var sources = $"/graphql?query={Uri.EscapeDataString(Document)}&operationName=Sources";
        await keyed.GetAsync(sources, Ct);
        Assert.Equal(GenerationQueries, await RepeatCostAsync(keyed, sources));

        var hooks = $"/graphql?query={Uri.EscapeDataString(Document)}&operationName=Hooks";
        var before = (await (await keyed.GetAsync(hooks, Ct)).NodeAsync())["data"]!["webhooks"]!.AsArray().Count;
        Assert.Equal(HttpStatusCode.Created, (await keyed.PostAsJsonAsync("/api/v1/webhooks", new { url = "http://127.0.0.1:9/multi", events = new[] { "article.created" }, secret = "a-long-enough-secret" }, Ct)).StatusCode);
        Assert.Equal(before + 1, (await (await keyed.GetAsync(hooks, Ct)).NodeAsync())["data"]!["webhooks"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_posted_query_is_cached_like_a_get_and_a_posted_mutation_never_is()
    {
        var a = _first.CreateClient();
        var writer = _second.ClientWithKey(NewsMetaFactory.WriteKey);
        const string Query = "query($id: Int!) { entity(databaseId: $id) { aliases } }";
        var before = await a.GraphQLAsync(Query, new { id = 3 });
        Assert.Null(before.Body["errors"]);
        _first.Sql.Reset();
        var again = await a.GraphQLAsync(Query, new { id = 3 });
        Assert.Equal(before.Data.ToJsonString(), again.Data.ToJsonString());
        Assert.Equal(GenerationQueries, _first.Sql.Count);

        // Other variables are another body, another entry.
        _first.Sql.Reset();
        Assert.Null((await a.GraphQLAsync(Query, new { id = 4 })).Body["errors"]);
        Assert.True(_first.Sql.Count > GenerationQueries);

        // A write on the other instance refreshes it.
        var alias = $"alias {Guid.NewGuid():N}";
        Assert.Empty((await writer.GraphQLAsync("mutation($a: String!) { addEntityAlias(entityId: \"3\", alias: $a) { userErrors { field } } }", new { a = alias })).Data["addEntityAlias"]!["userErrors"]!.AsArray());
        var fresh = await FreshAsync(() => a.GraphQLAsync(Query, new { id = 3 }),
            r => r.Data["entity"]!["aliases"]!.AsArray().Any(x => x!.GetValue<string>() == alias));
        Assert.Contains(alias, fresh.Data["entity"]!["aliases"]!.AsArray().Select(x => x!.GetValue<string>()));

        // The same mutation body twice runs twice: the second alias request answers that it exists already.
        var keyed = _first.ClientWithKey(NewsMetaFactory.WriteKey);
        const string Add = "mutation($a: String!) { addEntityAlias(entityId: \"3\", alias: $a) { entity { aliases } userErrors { field message } } }";
        var other = $"alias {Guid.NewGuid():N}";
        var first = await keyed.GraphQLAsync(Add, new { a = other });
        Assert.Empty(first.Data["addEntityAlias"]!["userErrors"]!.AsArray());
        _first.Sql.Reset();
        await keyed.GraphQLAsync(Add, new { a = other });
        Assert.True(_first.Sql.Count > 1, "a repeated mutation must reach the database");
    }

    [Fact]
    public void Only_single_bodies_free_of_the_words_mutation_and_subscription_are_screened_in()
    {
        Assert.True(Common.Caching.CacheablePostQueries.Accepts("""  {"query":"{ articles { nodes { id } } }"}"""u8));
        Assert.False(Common.Caching.CacheablePostQueries.Accepts("""{"query":"mutation { deleteArticle(id: \"1\") { deletedId } }"}"""u8));
        Assert.False(Common.Caching.CacheablePostQueries.Accepts("""{"query":"subscription { x }"}"""u8));
        Assert.False(Common.Caching.CacheablePostQueries.Accepts("""[{"query":"{ articles { nodes { id } } }"}]"""u8));
        Assert.False(Common.Caching.CacheablePostQueries.Accepts(""u8));
    }

    [Fact]
    public async Task An_unknown_persisted_query_is_not_remembered_once_it_is_registered()
    {
        var a = _first.CreateClient();
        const string Query = "{ articles(first: 2) { nodes { externalId } } }";
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Query)));
        var extensions = Uri.EscapeDataString($"{{\"persistedQuery\":{{\"version\":1,\"sha256Hash\":\"{hash}\"}}}}");
        var byHash = $"/graphql?extensions={extensions}";

        var unknown = await a.GetAsync(byHash, Ct);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await GraphQLClient.ReadAsync(unknown)).FirstCode);
        Assert.True((await a.GetAsync($"/graphql?query={Uri.EscapeDataString(Query)}&extensions={extensions}", Ct)).IsSuccessStatusCode);

        var known = await GraphQLClient.ReadAsync(await a.GetAsync(byHash, Ct));
        Assert.Equal(2, known.Data["articles"]!["nodes"]!.AsArray().Count);
    }

    public async ValueTask DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }
}
