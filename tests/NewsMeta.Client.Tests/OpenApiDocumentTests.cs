using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Client.Tests;

/// <summary>
/// The served document, read with Microsoft.OpenApi (the library Swashbuckle and Kiota both build on): valid, and
/// complete enough that a generated client is typed everywhere, errors included.
/// </summary>
public sealed class OpenApiDocumentTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private const string Problem = "application/problem+json";

    private async Task<ReadResult> ReadAsync()
    {
        await using var stream = await factory.CreateClient().GetStreamAsync("/swagger/v1/swagger.json", TestContext.Current.CancellationToken);
        var settings = new OpenApiReaderSettings();
        return await OpenApiDocument.LoadAsync(stream, "json", settings, TestContext.Current.CancellationToken);
    }

    private static List<(string Path, HttpMethod Method, OpenApiOperation Operation)> Operations(OpenApiDocument document) =>
        document.Paths.SelectMany(p => (p.Value.Operations ?? []).Select(o => (p.Key, o.Key, o.Value))).ToList();

    [Fact]
    public async Task The_document_reads_without_errors_or_warnings_and_validates()
    {
        var result = await ReadAsync();
        Assert.NotNull(result.Document);
        Assert.Empty(result.Diagnostic!.Errors.Select(e => e.ToString()));
        Assert.Empty(result.Diagnostic.Warnings.Select(e => e.ToString()));
        Assert.Empty(result.Document.Validate(ValidationRuleSet.GetDefaultRuleSet())!.Select(e => e.ToString()));
        Assert.True(Operations(result.Document).Count >= 27);
    }

    [Fact]
    public async Task Every_operation_is_named_described_and_has_documented_parameters()
    {
        var document = (await ReadAsync()).Document!;
        var failures = new List<string>();
        var ids = new HashSet<string>();
        foreach (var (path, method, operation) in Operations(document))
        {
            var name = $"{method} {path}";
            if (string.IsNullOrWhiteSpace(operation.OperationId) || !ids.Add(operation.OperationId))
            {
                failures.Add($"{name}: missing or duplicate operationId '{operation.OperationId}'");
            }

            if (string.IsNullOrWhiteSpace(operation.Summary) || string.IsNullOrWhiteSpace(operation.Description))
            {
                failures.Add($"{name}: no summary or description");
            }

            foreach (var parameter in operation.Parameters ?? [])
            {
                if (string.IsNullOrWhiteSpace(parameter.Description))
                {
                    failures.Add($"{name}: parameter '{parameter.Name}' has no description");
                }

                if (parameter.Schema is null)
                {
                    failures.Add($"{name}: parameter '{parameter.Name}' has no schema");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Every_response_is_typed_and_every_error_is_a_problem_document()
    {
        var document = (await ReadAsync()).Document!;
        var failures = new List<string>();
        foreach (var (path, method, operation) in Operations(document))
        {
            var name = $"{method} {path}";
            var responses = operation.Responses ?? [];
            if (!responses.Keys.Any(k => k.StartsWith('2')))
            {
                failures.Add($"{name}: no success response");
            }

            if (!responses.Keys.Any(k => k.StartsWith('4')))
            {
                failures.Add($"{name}: no error response");
            }

            foreach (var (status, response) in responses)
            {
                var content = response.Content?.ToDictionary(c => c.Key, c => c.Value.Schema) ?? [];
                if (status.StartsWith('4') || status.StartsWith('5'))
                {
                    if (!content.TryGetValue(Problem, out var problem) || problem is null)
                    {
                        failures.Add($"{name}: {status} is not {Problem} with a schema ({string.Join(", ", content.Keys)})");
                    }
                    else if (problem is not OpenApiSchemaReference { Reference.Id: "ProblemDetails" or "HttpValidationProblemDetails" })
                    {
                        failures.Add($"{name}: {status} is not ProblemDetails or HttpValidationProblemDetails");
                    }
                }
                else if (status is not ("204" or "304"))
                {
                    if (content.Count == 0)
                    {
                        failures.Add($"{name}: {status} has no content");
                    }

                    failures.AddRange(content.Where(c => c.Value is null).Select(c => $"{name}: {status} {c.Key} has no schema"));
                }
            }

            // Writes need the key: the client must be able to tell 401 (no key) from 403 (read-only key).
            if (method != HttpMethod.Get && !(responses.ContainsKey("401") && responses.ContainsKey("403")))
            {
                failures.Add($"{name}: a write without 401 and 403 problems");
            }
        }

        var problemSchema = document.Components!.Schemas!["HttpValidationProblemDetails"];
        Assert.NotNull(problemSchema.Properties);
        Assert.Contains("errors", problemSchema.Properties.Keys);
        Assert.Contains("title", document.Components.Schemas["ProblemDetails"].Properties!.Keys);
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Each_representation_is_described_for_its_own_media_type()
    {
        var document = (await ReadAsync()).Document!;
        var one = document.Paths["/api/v1/articles/{id}"].Operations![HttpMethod.Get].Responses!["200"].Content!;
        var list = document.Paths["/api/v1/articles"].Operations![HttpMethod.Get].Responses!["200"].Content!;
        Assert.Equal("ArticleDto", Assert.IsType<OpenApiSchemaReference>(one["application/json"].Schema).Reference.Id);
        Assert.Equal("JsonLdNewsArticle", Assert.IsType<OpenApiSchemaReference>(one["application/ld+json"].Schema).Reference.Id);
        Assert.Equal("NinjsItem", Assert.IsType<OpenApiSchemaReference>(one["application/vnd.iptc.ninjs+json"].Schema).Reference.Id);
        Assert.Equal("JsonLdItemList", Assert.IsType<OpenApiSchemaReference>(list["application/ld+json"].Schema).Reference.Id);
        Assert.Equal("NinjsPage", Assert.IsType<OpenApiSchemaReference>(list["application/vnd.iptc.ninjs+json"].Schema).Reference.Id);
        Assert.Contains("@type", document.Components!.Schemas!["JsonLdNewsArticle"].Required!);

        // NDJSON and plain text are text, not a JSON object.
        var export = document.Paths["/api/v1/articles/export"].Operations![HttpMethod.Get].Responses!["200"].Content!;
        Assert.Equal(JsonSchemaType.String, export["application/x-ndjson"].Schema!.Type);
        var import = document.Paths["/api/v1/articles/import"].Operations![HttpMethod.Post].RequestBody!.Content!;
        Assert.Equal(JsonSchemaType.String, import["application/x-ndjson"].Schema!.Type);
        var page = document.Paths["/api/v1/articles/import-page"].Operations![HttpMethod.Post].RequestBody!.Content!;
        Assert.Equal(JsonSchemaType.String, page["text/plain"].Schema!.Type);
    }

    [Fact]
    public async Task Reads_take_the_api_key_optionally_and_writes_require_it()
    {
        var document = (await ReadAsync()).Document!;
        Assert.True(document.Security is null || document.Security.Count == 0, "no document-wide requirement: it would make every anonymous read unauthorised");
        var failures = new List<string>();
        foreach (var (path, method, operation) in Operations(document))
        {
            var requirements = operation.Security ?? [];
            var anonymousAllowed = requirements.Any(r => r.Count == 0);
            var keyAccepted = requirements.Any(r => r.Keys.Any(k => k.Reference.Id == "ApiKey"));
            var isWrite = method != HttpMethod.Get || path.StartsWith("/api/v1/webhooks", StringComparison.Ordinal);
            if (!keyAccepted || anonymousAllowed == isWrite)
            {
                failures.Add($"{method} {path}: security [{string.Join(", ", requirements.Select(r => "{" + string.Join(",", r.Keys.Select(k => k.Reference.Id)) + "}"))}]");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [InlineData("ArticleLinkDto", "reasons")]
    [InlineData("KeywordDto", "origin")]
    [InlineData("PageImportResultDto", "readAlso")]
    [InlineData("ArticleLinkDto", "targetId")]
    public async Task Members_the_service_sends_as_null_are_nullable(string schema, string property)
    {
        // Read as the served JSON, "nullable" as OpenAPI 3.0 writes it. A member that stays a reference is nullable
        // through the schema it refers to.
        var json = JsonNode.Parse(await factory.CreateClient().GetStringAsync("/swagger/v1/swagger.json", TestContext.Current.CancellationToken))!;
        var schemas = json["components"]!["schemas"]!;
        var member = schemas[schema]!["properties"]![property]!;
        if (member["$ref"]?.GetValue<string>() is { } reference)
        {
            member = schemas[reference["#/components/schemas/".Length..]]!;
        }

        Assert.True(member["nullable"]?.GetValue<bool>() == true, $"{schema}.{property} is not nullable: {member.ToJsonString()}");
        if (member["enum"] is JsonArray values)
        {
            Assert.Contains(values, v => v is null);
        }
    }

    [Fact]
    public async Task Members_never_null_stay_plain_references()
    {
        var document = (await ReadAsync()).Document!;
        Assert.IsType<OpenApiSchemaReference>(document.Components!.Schemas!["ArticleLinkDto"].Properties!["origin"]);
        Assert.IsType<OpenApiSchemaReference>(document.Components.Schemas["ArticleSummaryDto"].Properties!["source"]);
    }
}
