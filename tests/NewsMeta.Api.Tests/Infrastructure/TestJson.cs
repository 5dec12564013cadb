using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsMeta.Api.Tests.Infrastructure;

public static class TestJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    public static async Task<JsonNode> NodeAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("null JSON");

    /// <summary>The sample corpus as shipped, one record per line.</summary>
    public static IReadOnlyList<JsonObject> SampleRecords() =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "SampleData", "sample-articles.ndjson"))
            .Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
}

/// <summary>Just enough of the response shapes for assertions.</summary>
public sealed record PageOf<T>(List<T> Items, string? NextCursor);

public sealed record SummaryView(int Id, string ExternalId, string Title, string Language, DateTime PublishedAt, DateTime ChangedAt,
    SourceView Source, List<SourceView> Credits, List<NamedView> Keywords);

public sealed record SourceView(int Id, string Name, string Kind);

public sealed record NamedView(int Id, string Name);

public sealed record EntityView(int Id, string Name, string Type, int ArticleCount, List<string>? Aliases);

public sealed record CountedView(int Id, string Name, int ArticleCount);

public sealed record LinkView(string Kind, int? TargetId, string? TargetExternalId, string? Title, string? Url, double? Score, string Origin);

public sealed record MentionView(int Id, string Name, string Type, int Mentions, string Origin);

public sealed record ArticleView(int Id, string ExternalId, string Slug, string? Url, string Title, string? Summary, string Body, string Language,
    DateTime PublishedAt, DateTime? UpdatedAt, SourceView Source, List<SourceView> Credits, List<NamedView> Keywords,
    List<MentionView> Entities, List<LinkView> Links);

public sealed record ProblemView(int Status, string Title, string? Detail, string? TraceId, Dictionary<string, string[]>? Errors);
