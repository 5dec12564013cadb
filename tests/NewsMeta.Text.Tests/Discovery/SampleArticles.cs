using System.Text.Json;
using NewsMeta.Text.Discovery;

namespace NewsMeta.Text.Tests.Discovery;

/// <summary>
/// The service's own sample data (src/NewsMeta.Api/Data/SampleData/sample-articles.ndjson), read by relative
/// path from the repository: discovery runs on it in the write pipeline, so its junk is what frontends show.
/// </summary>
internal static class SampleArticles
{
    private const string RelativePath = "src/NewsMeta.Api/Data/SampleData/sample-articles.ndjson";

    /// <summary>One sample article as discovery reads it: its id and the input (publisher keywords as tags).</summary>
    public sealed record Article(string ExternalId, DiscoveryInput Input);

    public static IReadOnlyList<Article> Load()
    {
        var path = Find() ?? throw new FileNotFoundException($"{RelativePath} not found above {AppContext.BaseDirectory}");
        return [.. File.ReadLines(path).Where(l => l.Length > 0).Select(Read)];
    }

    /// <summary>Every sample article's discoveries, for reading: one line per entity.</summary>
    public static IEnumerable<string> Listing() =>
        Load().SelectMany(a => EntityDiscoverer.Default.Discover(a.Input)
            .Select(e => $"{a.ExternalId}\t{e.TypeName}\t{e.Name}\t{e.Confidence}\t{string.Join(",", e.Aliases)}"));

    private static Article Read(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var keywords = root.TryGetProperty("keywords", out var k) && k.ValueKind == JsonValueKind.Array
            ? k.EnumerateArray().Select(x => x.GetString() ?? string.Empty).ToList()
            : [];
        return new Article(Text("externalId") ?? string.Empty, new DiscoveryInput(Text("title") ?? string.Empty, Text("summary"), Text("body") ?? string.Empty, keywords));
    }

    /// <summary>The file, found from the test binary's folder upwards (a worktree sits deeper than the main checkout).</summary>
    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, RelativePath);
            if (File.Exists(path))
            {
                return path;
            }
        }

        return null;
    }
}
