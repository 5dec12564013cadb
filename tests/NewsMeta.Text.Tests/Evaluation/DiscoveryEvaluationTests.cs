namespace NewsMeta.Text.Tests.Evaluation;

/// <summary>
/// Issue 21's targets on the invented evaluation set: precision ≥ 0.8 and recall ≥ 0.75, overall and
/// per type, on the tuning part and on the held-aside part alike. Prints the table (run with
/// <c>--filter-class '*DiscoveryEvaluation*' --output Detailed</c> to see it).
/// </summary>
public sealed class DiscoveryEvaluationTests
{
    private const double MinPrecision = 0.8;
    private const double MinRecall = 0.75;

    [Theory]
    [InlineData(EvaluationSet.Tuning)]
    [InlineData(EvaluationSet.HeldAside)]
    public void Discovery_meets_the_targets_overall_and_per_type(string part)
    {
        var set = EvaluationSet.Load(part);
        var score = DiscoveryScore.Of(set, [.. EvaluationSet.Load(EvaluationSet.Tuning).Articles, .. EvaluationSet.Load(EvaluationSet.HeldAside).Articles]);
        TestContext.Current.TestOutputHelper?.WriteLine(score.Table(part));

        Assert.True(set.Articles.Count >= (part == EvaluationSet.Tuning ? 14 : 6), $"{part} has {set.Articles.Count} articles");
        foreach (var row in score.ByType.Append(score.Overall))
        {
            Assert.True(row.Gold > 0, $"{part}: no gold {row.Type}");
            Assert.True(row.Precision >= MinPrecision, $"{part} {row.Type}: precision {row.Precision:0.00}");
            Assert.True(row.Recall >= MinRecall, $"{part} {row.Type}: recall {row.Recall:0.00}");
        }
    }

    [Fact]
    public void Every_article_is_annotated_with_entities_of_each_mention_and_three_to_eight_keyphrases()
    {
        var articles = EvaluationSet.Load(EvaluationSet.Tuning).Articles.Concat(EvaluationSet.Load(EvaluationSet.HeldAside).Articles).ToList();

        Assert.True(articles.Count >= 20, $"{articles.Count} articles");
        Assert.Equal(articles.Count, articles.Select(a => a.Id).Distinct().Count());
        Assert.True(articles.Select(a => a.Style).Distinct().Count() >= 5, "several publishers' styles");
        Assert.All(articles, a =>
        {
            Assert.InRange(a.Keyphrases.Count, 3, 8);
            Assert.NotEmpty(a.Entities);
            Assert.All(a.Entities, e => Assert.Contains(e.Type, DiscoveryScore.Types));
        });
    }
}
