using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Client.Tests;

/// <summary>
/// What a newcomer reads in the served document besides the endpoints (see Common/OpenApi): a server, contact and
/// license, a description for every tag, examples for every operation and parameter, and for every operation a
/// request in http/*.http to try it with. Redocly's lint (.ci/openapi-lint.sh) checks the examples against the schemas.
/// </summary>
public sealed partial class OpenApiPresentationTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private const string Problem = "application/problem+json";

    private async Task<OpenApiDocument> ReadAsync()
    {
        await using var stream = await factory.CreateClient().GetStreamAsync("/swagger/v1/swagger.json", TestContext.Current.CancellationToken);
        var result = await OpenApiDocument.LoadAsync(stream, "json", new OpenApiReaderSettings(), TestContext.Current.CancellationToken);
        return result.Document!;
    }

    private static List<(string Path, HttpMethod Method, OpenApiOperation Operation)> Operations(OpenApiDocument document) =>
        document.Paths.SelectMany(p => (p.Value.Operations ?? []).Select(o => (p.Key, o.Key, o.Value))).ToList();

    private static bool HasExample(IOpenApiMediaType media) => media.Example is not null || media.Examples?.Count > 0;

    [Fact]
    public async Task The_document_names_its_server_contact_license_and_describes_every_tag()
    {
        var document = await ReadAsync();
        var server = Assert.Single(document.Servers ?? []);
        Assert.Equal("/", server.Url);
        Assert.False(string.IsNullOrWhiteSpace(document.Info.License?.Name));
        Assert.NotNull(document.Info.License!.Url);
        Assert.False(string.IsNullOrWhiteSpace(document.Info.Contact?.Name));
        var tags = document.Tags ?? new HashSet<OpenApiTag>();
        Assert.Equal(8, tags.Count);
        Assert.All(tags, t => Assert.False(string.IsNullOrWhiteSpace(t.Description), $"tag {t.Name} has no description"));
        var used = Operations(document).SelectMany(o => o.Operation.Tags ?? new HashSet<OpenApiTagReference>()).Select(t => t.Name).ToHashSet();
        Assert.Subset(tags.Select(t => t.Name).ToHashSet(), used);
    }

    [Fact]
    public async Task Every_operation_has_request_success_and_error_examples_and_every_parameter_one()
    {
        var document = await ReadAsync();
        var failures = new List<string>();
        foreach (var (path, method, operation) in Operations(document))
        {
            var name = $"{method} {path}";
            if (operation.RequestBody?.Content is { Count: > 0 } body && !body.Values.Any(HasExample))
            {
                failures.Add($"{name}: no request example");
            }

            foreach (var (status, response) in operation.Responses ?? [])
            {
                if (status.StartsWith('2') && response.Content is { Count: > 0 } content && !content.Values.Any(HasExample))
                {
                    failures.Add($"{name}: {status} has no example");
                }
            }

            var errors = (operation.Responses ?? []).Where(r => r.Key.StartsWith('4')).ToList();
            if (!errors.Any(r => r.Value.Content?.TryGetValue(Problem, out var media) == true && HasExample(media)))
            {
                failures.Add($"{name}: no 4xx {Problem} example");
            }

            failures.AddRange((operation.Parameters ?? [])
                .Where(p => p.Example is null && !(p.Examples?.Count > 0))
                .Select(p => $"{name}: parameter '{p.Name}' has no example"));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Writes_show_the_401_and_403_problems()
    {
        var document = await ReadAsync();
        var upsert = Operations(document).Single(o => o.Operation.OperationId == "upsertArticle").Operation;
        var unauthorized = upsert.Responses!["401"].Content![Problem].Examples!.Values.Single().Value!;
        Assert.Equal(401, (int)unauthorized["status"]!);
        Assert.Equal("This operation needs an API key in the X-Api-Key header.", (string?)unauthorized["detail"]);
        var forbidden = upsert.Responses["403"].Content![Problem].Examples!.Values.Single().Value!;
        Assert.Equal(403, (int)forbidden["status"]!);
    }

    [Fact]
    public async Task Every_operation_has_a_request_in_the_http_files()
    {
        var document = await ReadAsync();
        var requests = HttpFileRequests().ToList();
        Assert.NotEmpty(requests);
        var missing = Operations(document)
            .Where(o => !requests.Any(r => r.Method == o.Method.Method && PathPattern(o.Path).IsMatch(r.Path)))
            .Select(o => $"{o.Operation.OperationId} ({o.Method} {o.Path})")
            .ToList();
        Assert.True(missing.Count == 0, "no request in http/*.http for: " + string.Join(", ", missing));
    }

    /// <summary>"/api/v1/articles/{id}/links" → a pattern where each {parameter} is one path segment.</summary>
    private static Regex PathPattern(string template) =>
        new("^" + TemplateParameter().Replace(Regex.Escape(template).Replace(@"\{", "{", StringComparison.Ordinal), "[^/]+") + "$");

    /// <summary>"GET {{host}}/api/v1/webhooks/{{subscribe.id}}?limit=5" → (GET, /api/v1/webhooks/x).</summary>
    private static IEnumerable<(string Method, string Path)> HttpFileRequests()
    {
        var folder = Path.Combine(RepositoryRoot(), "http");
        foreach (var line in Directory.EnumerateFiles(folder, "*.http").SelectMany(File.ReadLines))
        {
            var match = RequestLine().Match(line);
            if (match.Success)
            {
                var path = match.Groups["path"].Value.Split('?')[0];
                yield return (match.Groups["method"].Value, HttpVariable().Replace(path, "x"));
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Api.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Api.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^(?<method>GET|POST|PUT|PATCH|DELETE)\s+\{\{host\}\}(?<path>\S+)")]
    private static partial Regex RequestLine();

    [GeneratedRegex(@"\{\{[^}]+\}\}")]
    private static partial Regex HttpVariable();

    [GeneratedRegex(@"\{[^}/]+\}")]
    private static partial Regex TemplateParameter();
}
