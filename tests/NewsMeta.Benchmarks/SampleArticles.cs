using System.Text.Json;

namespace NewsMeta.Benchmarks;

/// <summary>An entity as the sample corpus tags it: its name, type and aliases.</summary>
public sealed record SampleEntity(string Name, string Type, IReadOnlyList<string> Aliases);

/// <summary>One line of <c>sample-articles.ndjson</c>, reduced to what the benchmarks need.</summary>
public sealed record SampleArticle(string Title, string Body, IReadOnlyList<string> Keywords, IReadOnlyList<SampleEntity> Entities)
{
    /// <summary>What entity linking reads at ingest: the title, a blank line, the body.</summary>
    public string Text => Title + "\n\n" + Body;
}

/// <summary>
/// The API's sample corpus (real Arabic news prose), copied next to the benchmark binary by the
/// csproj so it is found from any working directory and inside BenchmarkDotNet's child process.
/// </summary>
public static class SampleArticles
{
    public const string FileName = "sample-articles.ndjson";

    private static readonly Lazy<IReadOnlyList<SampleArticle>> LazyAll = new(Load);

    public static IReadOnlyList<SampleArticle> All => LazyAll.Value;

    /// <summary>Every body joined by a blank line: the text-processing input.</summary>
    public static string JoinedBodies() => string.Join("\n\n", All.Select(a => a.Body));

    /// <summary>The article whose title + body length is closest to the corpus mean.</summary>
    public static SampleArticle Average()
    {
        var mean = All.Average(a => a.Text.Length);
        return All.MinBy(a => Math.Abs(a.Text.Length - mean))!;
    }

    private static List<SampleArticle> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, FileName);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Sample corpus not found next to the benchmark binary: {path}", path);
        }

        var articles = new List<SampleArticle>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            articles.Add(new SampleArticle(
                root.GetProperty("title").GetString() ?? string.Empty,
                root.GetProperty("body").GetString() ?? string.Empty,
                Strings(root, "keywords"),
                Entities(root)));
        }

        if (articles.Count == 0)
        {
            throw new InvalidOperationException($"Sample corpus is empty: {path}");
        }

        return articles;
    }

    private static List<SampleEntity> Entities(JsonElement article)
    {
        var entities = new List<SampleEntity>();
        if (article.TryGetProperty("entities", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var entity in array.EnumerateArray())
            {
                entities.Add(new SampleEntity(
                    entity.GetProperty("name").GetString() ?? string.Empty,
                    entity.TryGetProperty("type", out var type) ? type.GetString() ?? "other" : "other",
                    Strings(entity, "aliases")));
            }
        }

        return entities;
    }

    private static List<string> Strings(JsonElement element, string property)
    {
        var values = new List<string>();
        if (element.TryGetProperty(property, out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in array.EnumerateArray())
            {
                if (item.GetString() is { Length: > 0 } value)
                {
                    values.Add(value);
                }
            }
        }

        return values;
    }
}
