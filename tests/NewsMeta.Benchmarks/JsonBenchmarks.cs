using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using NewsMeta.Api.Common.Json;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Sources;

namespace NewsMeta.Benchmarks;

/// <summary>
/// Serialising one full article response with the API's JSON settings (camelCase, enums as strings,
/// UTC 'Z' instants, Arabic written as is): ~600 words of sample body, 5 keywords, 6 entities, 4 links.
/// </summary>
[MemoryDiagnoser]
public class JsonBenchmarks
{
    private const int BodyWords = 600;

    private readonly JsonSerializerOptions options = NewsJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
    private readonly ArticleDto article = CreateArticle(SampleArticles.All);

    [GlobalSetup]
    public void Setup()
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(article, options);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"JsonBenchmarks: body {CountWords(article.Body)} words, {article.Keywords.Count} keywords, {article.Entities.Count} entities, {article.Links.Count} links; JSON {bytes.Length} bytes UTF-8"));
    }

    [Benchmark]
    public byte[] SerializeToUtf8Bytes() => JsonSerializer.SerializeToUtf8Bytes(article, options);

    [Benchmark]
    public string SerializeToString() => JsonSerializer.Serialize(article, options);

    private static ArticleDto CreateArticle(IReadOnlyList<SampleArticle> samples)
    {
        var lead = SampleArticles.Average();

        // Whole paragraphs from the lead article, then from the others, until ~600 words.
        var paragraphs = new List<string>();
        var words = 0;
        foreach (var sample in samples.Where(s => s != lead).Prepend(lead).TakeWhile(_ => words < BodyWords))
        {
            foreach (var paragraph in sample.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            {
                if (words >= BodyWords)
                {
                    break;
                }

                paragraphs.Add(paragraph);
                words += CountWords(paragraph);
            }
        }

        var keywords = samples.SelectMany(s => s.Keywords).Distinct(StringComparer.Ordinal).Take(5)
            .Select((name, i) => new KeywordRefDto { Id = 100 + i, Name = name })
            .ToList();
        var entities = samples.SelectMany(s => s.Entities).DistinctBy(e => e.Name, StringComparer.Ordinal).Take(6)
            .Select((e, i) => new ArticleEntityDto
            {
                Id = 200 + i,
                Name = e.Name,
                Type = Enum.TryParse<EntityType>(e.Type, ignoreCase: true, out var type) ? type : EntityType.Other,
                Mentions = 1 + (i * 3 % 5),
                Origin = i % 2 == 0 ? Origin.Publisher : Origin.Extracted,
            })
            .ToList();
        var links = samples.Where(s => s != lead).Take(4)
            .Select((s, i) => new ArticleLinkDto
            {
                Kind = (LinkKind)(i % 3),
                TargetId = i == 3 ? null : 300 + i,
                TargetExternalId = string.Create(CultureInfo.InvariantCulture, $"shorouq-2026-03-{10 + i:00}-story-{i}"),
                Title = s.Title,
                Url = string.Create(CultureInfo.InvariantCulture, $"https://shorouq.example/ar/2026/03/{10 + i:00}/story-{i}"),
                Score = i % 2 == 0 ? null : 0.8125 - (i * 0.05),
                Origin = i % 2 == 0 ? Origin.Publisher : Origin.Computed,
            })
            .ToList();

        return new ArticleDto
        {
            Id = 4711,
            ExternalId = "shorouq-2026-03-10-budget-vote",
            Slug = "budget-vote",
            Url = "https://shorouq.example/ar/2026/03/10/budget-vote",
            Title = lead.Title,
            Summary = paragraphs[0],
            Language = "ar",
            PublishedAt = new DateTime(2026, 3, 10, 8, 15, 0, DateTimeKind.Utc),
            UpdatedAt = new DateTime(2026, 3, 10, 9, 2, 30, DateTimeKind.Utc),
            ChangedAt = new DateTime(2026, 3, 10, 9, 3, 0, DateTimeKind.Utc),
            Source = new SourceRefDto { Id = 3, Name = "صحيفة الشروق اليومية", Kind = SourceKind.Newspaper },
            Credits = [new SourceRefDto { Id = 7, Name = "وكالة زهران للأنباء", Kind = SourceKind.Agency }],
            Keywords = keywords,
            Body = string.Join("\n\n", paragraphs),
            Entities = entities,
            Links = links,
        };
    }

    private static int CountWords(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
