using System.Globalization;
using BenchmarkDotNet.Attributes;
using NewsMeta.Text;

namespace NewsMeta.Benchmarks;

/// <summary>
/// Entity linking at ingest: <see cref="EntityMatcher.Match"/> against a 10,000-entity catalogue.
/// </summary>
/// <remarks>
/// Both benchmarks report time per article, so articles/s = 1 / Mean (e.g. a Mean of 50 µs is
/// 1 / 50e-6 s = 20,000 articles/s on one core). <see cref="MatchAllArticles"/> divides by
/// <see cref="SampleArticleCount"/> through <c>OperationsPerInvoke</c>, so it averages over the
/// corpus mix of short and long articles rather than one article.
/// </remarks>
[MemoryDiagnoser]
public class EntityLinkingBenchmarks
{
    /// <summary>Entities in the catalogue: the sample's real ones plus invented ones.</summary>
    public const int CatalogueSize = 10_000;

    /// <summary>
    /// Lines in sample-articles.ndjson. <c>OperationsPerInvoke</c> needs a constant, so a change to the
    /// corpus size fails <see cref="Setup"/> loudly instead of skewing the per-article time.
    /// </summary>
    public const int SampleArticleCount = 54;

    private readonly EntityMatcher matcher;
    private readonly string averageArticle;
    private readonly string[] allArticles;

    public EntityLinkingBenchmarks()
    {
        var spellings = EntityCatalogue.Spellings(SampleArticles.All, CatalogueSize);
        matcher = EntityMatcher.Build(spellings);
        averageArticle = SampleArticles.Average().Text;
        allArticles = [.. SampleArticles.All.Select(a => a.Text)];
    }

    [GlobalSetup]
    public void Setup()
    {
        if (allArticles.Length != SampleArticleCount)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The sample corpus has {allArticles.Length} articles; set {nameof(SampleArticleCount)} to that."));
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"EntityLinkingBenchmarks: {CatalogueSize} entities, {matcher.SpellingCount} spellings; average article {averageArticle.Length} chars, {matcher.Match(averageArticle).Count} mentions; all articles {allArticles.Sum(a => matcher.Match(a).Count)} mentions"));
    }

    [Benchmark]
    public List<EntityMention> MatchAverageArticle() => matcher.Match(averageArticle);

    [Benchmark(OperationsPerInvoke = SampleArticleCount)]
    public int MatchAllArticles()
    {
        var mentions = 0;
        foreach (var article in allArticles)
        {
            mentions += matcher.Match(article).Count;
        }

        return mentions;
    }
}
