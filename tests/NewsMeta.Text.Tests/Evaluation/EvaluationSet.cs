using System.Text.Json;
using System.Text.Json.Serialization;
using NewsMeta.Text.Discovery;

namespace NewsMeta.Text.Tests.Evaluation;

/// <summary>A gold entity of an evaluation article: its name, type ("person", "organization", "location") and the other forms the text uses.</summary>
public sealed record GoldEntity(string Name, string Type, IReadOnlyList<string> Aliases);

/// <summary>An invented news article, annotated with every entity it names and the keyphrases an editor would give it.</summary>
public sealed record EvaluationArticle(
    string Id, string Style, string Title, string? Summary, string Body, IReadOnlyList<string> Tags, IReadOnlyList<GoldEntity> Entities, IReadOnlyList<string> Keyphrases)
{
    public DiscoveryInput Input => new(Title, Summary, Body, Tags);
}

/// <summary>
/// The evaluation set, in two parts: <c>tuning.json</c>, which discovery's cues were adjusted against, and
/// <c>held-aside.json</c>, written at the same time and never tuned on.
/// </summary>
public sealed record EvaluationSet(string Part, IReadOnlyList<EvaluationArticle> Articles)
{
    public const string Tuning = "tuning";
    public const string HeldAside = "held-aside";

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public static EvaluationSet Load(string part) =>
        JsonSerializer.Deserialize<EvaluationSet>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Evaluation", part + ".json")), Json)
        ?? throw new InvalidOperationException($"{part}.json is empty");
}
