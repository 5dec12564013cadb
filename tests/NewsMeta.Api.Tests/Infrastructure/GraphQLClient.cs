using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace NewsMeta.Api.Tests.Infrastructure;

/// <summary>What a GraphQL response came back with: HTTP status, headers and the parsed body.</summary>
public sealed record GraphQLResponse(HttpStatusCode Status, HttpResponseMessage Http, JsonNode Body)
{
    /// <summary>The data of a response that must have no errors.</summary>
    public JsonNode Data
    {
        get
        {
            Assert.True(Body["errors"] is null, $"unexpected errors: {Body["errors"]?.ToJsonString()}");
            return Body["data"]!;
        }
    }

    public JsonArray Errors => Body["errors"] as JsonArray ?? throw new InvalidOperationException($"no errors in {Body.ToJsonString()}");

    public string? FirstCode => Errors[0]!["extensions"]?["code"]?.GetValue<string>();
}

/// <summary>Sends GraphQL requests the way a frontend does: POST application/json to /graphql.</summary>
public static class GraphQLClient
{
    public static async Task<GraphQLResponse> GraphQLAsync(this HttpClient client, string query, object? variables = null, string? operationName = null)
    {
        var response = await client.PostAsJsonAsync("/graphql", new { query, variables, operationName }, TestContext.Current.CancellationToken);
        return await ReadAsync(response);
    }

    public static async Task<GraphQLResponse> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new GraphQLResponse(response.StatusCode, response, text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!);
    }

    public static string GlobalId(string type, int id) =>
        System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes($"{type}:{id}"));
}
