namespace NewsMeta.Text.Tests.Evaluation;

/// <summary>Document frequencies of stems and adjacent stem pairs over a set of articles: the store as the extractor sees it.</summary>
public sealed class StoreStatistics : ITermStatistics
{
    private readonly Dictionary<string, int> stems = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> pairs = new(StringComparer.Ordinal);

    public StoreStatistics(IEnumerable<EvaluationArticle> articles)
    {
        foreach (var article in articles)
        {
            Documents++;
            var terms = TextAnalyzer.Terms($"{article.Title}\n{article.Summary}\n{article.Body}").Select(t => t.Stem).ToList();
            foreach (var stem in terms.Distinct())
            {
                stems[stem] = stems.GetValueOrDefault(stem) + 1;
            }

            foreach (var pair in terms.Zip(terms.Skip(1), (a, b) => $"{a} {b}").Distinct())
            {
                pairs[pair] = pairs.GetValueOrDefault(pair) + 1;
            }
        }
    }

    public int Documents { get; }

    public int DocumentFrequency(string stem) => stems.GetValueOrDefault(stem);

    public int? PhraseDocumentFrequency(string stemPhrase) => pairs.GetValueOrDefault(stemPhrase);
}
