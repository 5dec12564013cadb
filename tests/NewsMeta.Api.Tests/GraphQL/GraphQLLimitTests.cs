using System.Net;
using Microsoft.AspNetCore.Hosting;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.GraphQL;

/// <summary>Depth and cost are refused before execution, with the numbers; errors carry codes and no internals.</summary>
public sealed class GraphQLLimitTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Too_deep_query_is_refused_with_its_depth()
    {
        // article → links → target → links → target → … : 14 levels.
        var deep = "{ article(databaseId: 1) { " + string.Concat(Enumerable.Repeat("links { target { ", 6)) + "title" + new string('}', 14);
        var response = await _client.GraphQLAsync(deep);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("QUERY_TOO_DEEP", response.FirstCode);
        var extensions = response.Errors[0]!["extensions"]!;
        Assert.True(extensions["depth"]!.GetValue<int>() > extensions["maxDepth"]!.GetValue<int>());
        Assert.Null(response.Body["data"]);
    }

    [Fact]
    public async Task Too_costly_query_is_refused_with_its_cost()
    {
        const string Costly = "{ entities(first: 100) { nodes { articles(first: 100) { nodes { title keywords { name } entities { entity { name } } } } } } }";
        var response = await _client.GraphQLAsync(Costly);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("QUERY_TOO_COMPLEX", response.FirstCode);
        var extensions = response.Errors[0]!["extensions"]!;
        Assert.True(extensions["cost"]!.GetValue<double>() > extensions["maxCost"]!.GetValue<double>());
    }

    [Fact]
    public async Task The_frontend_page_query_fits_and_reports_its_cost()
    {
        var response = await _client.GraphQLAsync("{ articles(first: 100) { totalCount nodes { title source { name } credits { name } keywords { name } entities { entity { name } mentions } links { kind target { title } } } } }");
        Assert.NotNull(response.Data["articles"]);
        var cost = response.Body["extensions"]!["cost"]!;
        Assert.InRange(cost["requested"]!.GetValue<double>(), 100, cost["maximum"]!.GetValue<double>());
    }

    [Fact]
    public async Task Cost_grows_with_the_page_size()
    {
        static string Query(int n) => $"{{ articles(first: {n}) {{ nodes {{ title keywords {{ name }} }} }} }}";
        var small = (await _client.GraphQLAsync(Query(5))).Body["extensions"]!["cost"]!["requested"]!.GetValue<double>();
        var large = (await _client.GraphQLAsync(Query(50))).Body["extensions"]!["cost"]!["requested"]!.GetValue<double>();
        Assert.True(large >= small * 9, $"cost of 50 ({large}) should be about ten times the cost of 5 ({small})");
    }
}

/// <summary>A service whose per-request timeout is so short that any query exceeds it.</summary>
public sealed class TinyTimeoutFactory : NewsMetaFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("GraphQL:Timeout", "00:00:00.0000001");
    }
}

public sealed class GraphQLTimeoutTests(TinyTimeoutFactory factory) : IClassFixture<TinyTimeoutFactory>
{
    [Fact]
    public async Task Query_running_past_the_timeout_ends_with_a_timeout_error()
    {
        var response = await factory.CreateClient().GraphQLAsync("{ articles(first: 100) { nodes { title body keywords { name } entities { entity { name aliases } } } } }");
        Assert.Equal("TIMEOUT", response.FirstCode);
    }
}
