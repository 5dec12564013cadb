namespace NewsMeta.Api.Features.Search;

/// <summary>
/// The relevance a query of one word gives an article, from the word's occurrences in its title (weight 1.0)
/// and then its lead (0.4): the arithmetic of PostgreSQL's <c>ts_rank</c> for a one-lexeme query over the
/// ranking vector <see cref="PostgresSearchIndex"/> stores, so that SQLite's ranking index orders one-word
/// searches as PostgreSQL's does. Each occurrence counts for its weight divided by the square of its rank
/// among the word's occurrences, the heaviest counting in full; the sum is scaled by π²/6, its limit.
/// </summary>
public static class OneWordScores
{
    private const float TitleWeight = 1.0f;
    private const float LeadWeight = 0.4f;
    private const double SumOfInverseSquares = 1.64493406685;

    /// <summary>Each distinct word of the analysed title and lead that a one-word query can be (<see cref="IsOneWord"/>), with its score.</summary>
    public static IEnumerable<(string Word, float Score)> Of(string analysedTitle, string lead)
    {
        var occurrences = new Dictionary<string, List<float>>(StringComparer.Ordinal);
        Add(occurrences, analysedTitle, TitleWeight);
        Add(occurrences, lead, LeadWeight);
        return occurrences.Where(o => IsOneWord(o.Key)).Select(o => (o.Key, Score(o.Value)));
    }

    /// <summary>
    /// Whether a stem is one word to both indexes, unchanged: letters alone (none with a lower-case form of its
    /// own) or digits alone. Anything else takes the general path.
    /// </summary>
    public static bool IsOneWord(string stem) =>
        stem.Length > 0 && (stem.All(char.IsDigit) || stem.All(c => char.IsLetter(c) && char.ToLowerInvariant(c) == c));

    private static void Add(Dictionary<string, List<float>> occurrences, string text, float weight)
    {
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!occurrences.TryGetValue(word, out var weights))
            {
                occurrences[word] = weights = [];
            }

            weights.Add(weight);
        }
    }

    private static float Score(List<float> weights)
    {
        var sum = 0f;
        var heaviest = -1f;
        var heaviestRank = 0;
        for (var j = 0; j < weights.Count; j++)
        {
            sum += weights[j] / ((j + 1) * (j + 1));
            if (weights[j] > heaviest)
            {
                heaviest = weights[j];
                heaviestRank = j;
            }
        }

        // As PostgreSQL computes it: in single precision, but the scaling in double, rounded to single after.
        return (float)((double)(heaviest + sum - heaviest / ((heaviestRank + 1) * (heaviestRank + 1))) / SumOfInverseSquares);
    }
}
