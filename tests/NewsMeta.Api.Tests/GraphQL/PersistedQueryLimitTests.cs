using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.GraphQL;

/// <summary>Sends automatic persisted queries as Apollo-style clients do: the text with its hash, or the hash alone.</summary>
internal static class Apq
{
    public static string Hash(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    public static object Extensions(string query) => new { persistedQuery = new { version = 1, sha256Hash = Hash(query) } };

    public static async Task<GraphQLResponse> RegisterAsync(HttpClient client, string query, bool overGet = false)
    {
        var response = overGet
            ? await client.GetAsync($"/graphql?query={Uri.EscapeDataString(query)}&extensions={ExtensionsParameter(query)}", TestContext.Current.CancellationToken)
            : await client.PostAsJsonAsync("/graphql", new { query, extensions = Extensions(query) }, TestContext.Current.CancellationToken);
        return await GraphQLClient.ReadAsync(response);
    }

    public static async Task<GraphQLResponse> ByHashAsync(HttpClient client, string query) =>
        await GraphQLClient.ReadAsync(await client.GetAsync($"/graphql?extensions={ExtensionsParameter(query)}", TestContext.Current.CancellationToken));

    private static string ExtensionsParameter(string query) =>
        Uri.EscapeDataString($$$"""{"persistedQuery":{"version":1,"sha256Hash":"{{{Hash(query)}}}"}}""");
}

/// <summary>A persisted query is stored only once it has passed validation, the key check and the limits.</summary>
public sealed class PersistedQueryRefusalTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    public static TheoryData<string, string, bool> Refused => new()
    {
        { "{ articles { nope } }", "FIELDS_ON_CORRECT_TYPE", false },
        { "{ article(databaseId: 1) { " + string.Concat(Enumerable.Repeat("links { target { ", 6)) + "title" + new string('}', 14), "QUERY_TOO_DEEP", true },
        { "{ entities(first: 100) { nodes { articles(first: 100) { nodes { title keywords { name } } } } } }", "QUERY_TOO_COMPLEX", false },
        { "{" + string.Concat(Enumerable.Range(0, 40).Select(i => $" a{i}: __typename")) + " }", "TOO_MANY_ALIASES", true },
        { "mutation { deleteArticle(id: \"999999\") { deletedDatabaseId } }", "UNAUTHENTICATED", false },
        { "mutation { deleteArticle(id: \"999999\") { deletedDatabaseId } }", "METHOD_NOT_ALLOWED", true },
        { "query A { sources { totalCount } } query B { keywords { totalCount } }", "NO_OPERATION_NAME", true },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Refused_document_sent_with_its_hash_is_not_stored(string query, string code, bool overGet)
    {
        var client = factory.CreateClient();
        var refused = await Apq.RegisterAsync(client, query, overGet);
        Assert.Equal(code, refused.FirstCode);
        Assert.Null(refused.Body["data"]);

        var later = await Apq.ByHashAsync(client, query);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", later.FirstCode);
    }

    [Fact]
    public async Task Valid_document_is_stored_and_served_by_hash()
    {
        var client = factory.CreateClient();
        const string Query = "{ sources(first: 1) { totalCount } } # refusal fixture control";
        Assert.True((await Apq.RegisterAsync(client, Query, overGet: true)).Data["sources"]!["totalCount"]!.GetValue<int>() > 0);
        Assert.True((await Apq.ByHashAsync(client, Query)).Data["sources"]!["totalCount"]!.GetValue<int>() > 0);
    }
}

/// <summary>A service whose persisted-query store is tiny, on a clock the test moves.</summary>
public abstract class CappedPersistedQueriesFactory : NewsMetaFactory
{
    protected CappedPersistedQueriesFactory() => Clock = FakeClock;

    public FakeTimeProvider FakeClock { get; } = new(DateTimeOffset.UtcNow);

    protected abstract int MaxCount { get; }

    protected abstract int MaxLength { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("GraphQL:PersistedQueriesMaxCount", MaxCount.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("GraphQL:PersistedQueriesMaxLength", MaxLength.ToString(CultureInfo.InvariantCulture));
    }
}

public sealed class TwoPersistedQueriesFactory : CappedPersistedQueriesFactory
{
    protected override int MaxCount => 2;

    protected override int MaxLength => 1_000_000;
}

public sealed class PersistedQueryCountCapTests(TwoPersistedQueriesFactory factory) : IClassFixture<TwoPersistedQueriesFactory>
{
    [Fact]
    public async Task Past_the_count_cap_the_least_recently_used_goes()
    {
        var client = factory.CreateClient();
        const string A = "{ sources(first: 1) { totalCount } } # A", B = "{ sources(first: 2) { totalCount } } # B", C = "{ sources(first: 3) { totalCount } } # C";
        Assert.Null((await Apq.RegisterAsync(client, A)).Body["errors"]);
        factory.FakeClock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null((await Apq.RegisterAsync(client, B)).Body["errors"]);
        factory.FakeClock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null((await Apq.ByHashAsync(client, A)).Body["errors"]); // A is now the more recently used
        factory.FakeClock.Advance(TimeSpan.FromMinutes(2));
        Assert.Null((await Apq.RegisterAsync(client, C)).Body["errors"]);

        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await Apq.ByHashAsync(client, B)).FirstCode);
        Assert.Null((await Apq.ByHashAsync(client, A)).Body["errors"]);
        Assert.Null((await Apq.ByHashAsync(client, C)).Body["errors"]);
    }
}

public sealed class ThreeHundredCharactersFactory : CappedPersistedQueriesFactory
{
    protected override int MaxCount => 100;

    protected override int MaxLength => 300;
}

public sealed class PersistedQueryLengthCapTests(ThreeHundredCharactersFactory factory) : IClassFixture<ThreeHundredCharactersFactory>
{
    [Fact]
    public async Task Past_the_length_cap_the_least_recently_used_go()
    {
        var client = factory.CreateClient();
        // 120 characters each: two fit in 300, the third pushes the oldest out.
        var queries = new[] { "P", "Q", "R" }.Select(n => $"{{ keywords(first: 1) {{ totalCount }} }} # {n}".PadRight(120, '.')).ToList();
        foreach (var query in queries)
        {
            Assert.Null((await Apq.RegisterAsync(client, query)).Body["errors"]);
            factory.FakeClock.Advance(TimeSpan.FromMinutes(2));
        }

        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await Apq.ByHashAsync(client, queries[0])).FirstCode);
        Assert.Null((await Apq.ByHashAsync(client, queries[1])).Body["errors"]);
        Assert.Null((await Apq.ByHashAsync(client, queries[2])).Body["errors"]);
    }
}

/// <summary>Registering draws on the caller's rate budget: 70 permits on top of the request's own, here.</summary>
public sealed class PersistedQueryRateTests(PersistedQueryRateTests.Factory factory) : IClassFixture<PersistedQueryRateTests.Factory>
{
    [Fact]
    public async Task Registrations_take_rate_permits_and_one_past_the_budget_is_refused_and_not_stored()
    {
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        var plain = await client.GraphQLAsync("{ sources(first: 1) { totalCount } }");
        var beforeRegistration = Remaining(plain);

        const string First = "{ sources(first: 1) { totalCount } } # first";
        var registered = await Apq.RegisterAsync(client, First);
        Assert.Null(registered.Body["errors"]);
        // 71 taken (the request and the registration); the bucket refills 2 a second meanwhile.
        Assert.InRange(beforeRegistration - Remaining(registered), 71 - 4, 71);

        // Sending a known query with its hash again registers nothing and costs a plain request.
        var again = await Apq.RegisterAsync(client, First);
        Assert.True(Remaining(registered) - Remaining(again) <= 1);

        const string Second = "{ sources(first: 2) { totalCount } } # second";
        var refused = await Apq.RegisterAsync(client, Second);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Equal("RATE_LIMITED", refused.FirstCode);
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (await Apq.ByHashAsync(client, Second)).FirstCode);
    }

    private static int Remaining(GraphQLResponse response) =>
        int.Parse(response.Http.Headers.GetValues("RateLimit-Remaining").Single(), CultureInfo.InvariantCulture);

    /// <summary>120 permits a minute per key (2 a second back); cost never charges; a registration takes 70.</summary>
    public sealed class Factory : NewsMetaFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("RateLimit:Enabled", "true");
            builder.UseSetting("RateLimit:KeyPermitsPerMinute", "120");
            builder.UseSetting("RateLimit:GraphQLCostPerPermit", "1000000");
            builder.UseSetting("GraphQL:PersistedQueryRegistrationPermits", "70");
        }
    }
}
