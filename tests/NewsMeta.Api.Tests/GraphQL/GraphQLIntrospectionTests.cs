using System.Net;
using Microsoft.AspNetCore.Hosting;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.GraphQL;

/// <summary>
/// Introspection has a real cost and operations have alias and field limits, so introspection cannot be
/// multiplied into huge answers; the standard introspection query (what GraphiQL and code generators send)
/// still passes.
/// </summary>
public sealed class GraphQLIntrospectionTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_standard_introspection_query_is_answered_and_has_a_cost()
    {
        var response = await _client.GraphQLAsync(StandardIntrospection.Query, operationName: "IntrospectionQuery");
        Assert.True(response.Status == HttpStatusCode.OK, response.Body.ToJsonString());
        Assert.Contains(response.Data["__schema"]!["types"]!.AsArray(), t => t!["name"]!.GetValue<string>() == "Article");
        var cost = response.Body["extensions"]!["cost"]!;
        // About one unit per value in the answer: thousands, and still under the limit.
        Assert.InRange(cost["requested"]!.GetValue<double>(), 1_000, cost["maximum"]!.GetValue<double>());
    }

    [Fact]
    public async Task Aliased_introspection_bomb_is_refused_before_running()
    {
        var copies = string.Concat(Enumerable.Range(0, 200).Select(i => $" s{i}: __schema {{ types {{ name fields {{ name type {{ name }} }} }} }}"));
        var response = await _client.GraphQLAsync("{" + copies + " }");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("TOO_MANY_ALIASES", response.FirstCode);
        var extensions = response.Errors[0]!["extensions"]!;
        Assert.Equal(200, extensions["aliases"]!.GetValue<int>());
        Assert.Equal(30, extensions["maxAliases"]!.GetValue<int>());
        Assert.Null(response.Body["data"]);
    }

    [Fact]
    public async Task Fragment_fan_out_is_counted_at_every_use()
    {
        // Seven fields, spread twice per level over ten levels: 7 × 2^10 fields in the answer's shape, from a short text.
        var fragments = string.Concat(Enumerable.Range(0, 10).Select(i => $" fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}"));
        var query = "{ ...F0 }" + fragments + " fragment F10 on Query { __typename sources(first: 1) { totalCount nodes { name kind articleCount } } }";
        var response = await _client.GraphQLAsync(query);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("TOO_MANY_FIELDS", response.FirstCode);
        Assert.Equal(7 * 1024, response.Errors[0]!["extensions"]!["fields"]!.GetValue<long>());
    }

    [Fact]
    public async Task Nested_introspection_is_refused_as_too_costly()
    {
        // fields → type → fields …: each level multiplies the answer by the schema's fields per type; few fields, huge cost.
        var nested = "name";
        for (var i = 0; i < 6; i++)
        {
            nested = $"name fields {{ name type {{ {nested} }} }}";
        }

        var response = await _client.GraphQLAsync($"{{ __schema {{ types {{ {nested} }} }} }}");
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("QUERY_TOO_COMPLEX", response.FirstCode);
    }

    [Fact]
    public async Task Typename_and_type_lookups_cost_like_fields()
    {
        var response = await _client.GraphQLAsync("{ __typename __type(name: \"Article\") { name fields { name } } }");
        Assert.Equal("Article", response.Data["__type"]!["name"]!.GetValue<string>());
        Assert.True(response.Body["extensions"]!["cost"]!["requested"]!.GetValue<double>() >= 4);
    }
}

/// <summary>A service with introspection switched off, as in Production by default.</summary>
public sealed class NoIntrospectionFactory : NewsMetaFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("GraphQL:Introspection", "false");
    }
}

public sealed class GraphQLIntrospectionOffTests(NoIntrospectionFactory factory) : IClassFixture<NoIntrospectionFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [InlineData("{ __schema { queryType { name } } }")]
    [InlineData("{ __type(name: \"Article\") { name } }")]
    [InlineData("{ articles(first: 1) { totalCount } __schema { types { name } } }")]
    public async Task Schema_and_type_are_refused(string query)
    {
        var response = await _client.GraphQLAsync(query);
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("INTROSPECTION_DISABLED", response.FirstCode);
        Assert.Contains("/graphql/schema.graphql", response.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(response.Body["data"]);
    }

    [Fact]
    public async Task Typename_still_works_and_the_schema_file_is_served()
    {
        var response = await _client.GraphQLAsync("{ __typename articles(first: 1) { nodes { __typename title } } }");
        Assert.Equal("Query", response.Data["__typename"]!.GetValue<string>());
        Assert.Equal("Article", response.Data["articles"]!["nodes"]![0]!["__typename"]!.GetValue<string>());
        Assert.Contains("type Article implements Node", await _client.GetStringAsync("/graphql/schema.graphql", TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}

/// <summary>
/// The introspection query GraphiQL sends by default (graphql-js getIntrospectionQuery's defaults plus the
/// schema description: type references nested 9 deep), written out here. Its optional parts this server
/// does not offer (isRepeatable, specifiedByURL, deprecated arguments) are left out, as GraphiQL does by default.
/// </summary>
public static class StandardIntrospection
{
    public static string Query { get; } = Build(typeDepth: 9);

    private static string Build(int typeDepth)
    {
        var ofType = "";
        for (var i = 0; i < typeDepth; i++)
        {
            ofType = $" ofType {{ name kind{ofType} }}";
        }

        return $$"""
            query IntrospectionQuery {
              __schema {
                description
                queryType { name kind }
                mutationType { name kind }
                subscriptionType { name kind }
                types { ...FullType }
                directives { name description locations args { ...InputValue } }
              }
            }
            fragment FullType on __Type {
              kind name description
              fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
              inputFields { ...InputValue }
              interfaces { ...TypeRef }
              enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
              possibleTypes { ...TypeRef }
            }
            fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
            fragment TypeRef on __Type { kind name{{ofType}} }
            """;
    }
}
