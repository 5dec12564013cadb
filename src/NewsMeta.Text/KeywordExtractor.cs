namespace NewsMeta.Text;

/// <summary>A term of one text as keyword extraction sees it: all the forms that share a stem (or a pair of stems).</summary>
/// <param name="Key">The stem, or two stems joined by a space for a two-word phrase.</param>
/// <param name="Surface">The form the text uses most often (the shorter, then the first seen, wins a tie), as written.</param>
/// <param name="Frequency">Occurrences, title occurrences counted <see cref="KeywordExtractor.TitleWeight"/> times.</param>
public sealed record CandidateTerm(string Key, string Surface, int Frequency)
{
    public bool IsPhrase => Key.Contains(' ', StringComparison.Ordinal);
}

/// <summary>A keyword chosen for a text, with its TF-IDF score.</summary>
public sealed record ExtractedKeyword(string Name, string Key, double Score);

/// <summary>
/// Salient-term extraction by TF-IDF. <see cref="Candidates"/> reads one text (stop words dropped,
/// words grouped by stem, adjacent word pairs as phrases); <see cref="Choose"/> ranks them against
/// document frequencies from the store. Pure and deterministic: the caller supplies the statistics.
/// </summary>
public static class KeywordExtractor
{
    /// <summary>A title word counts this many times: headlines name what the story is about.</summary>
    public const int TitleWeight = 3;

    /// <summary>A phrase must occur this often (weighted) to be considered: once is a coincidence.</summary>
    public const int MinPhraseFrequency = 2;

    /// <summary>A phrase as frequent as its words is the more specific keyword of the two.</summary>
    public const double PhraseBoost = 1.5;

    private const int MinStemLength = 3;

    /// <summary>The unigram and phrase candidates of an article, most frequent first.</summary>
    public static List<CandidateTerm> Candidates(string title, string? summary, string body)
    {
        var counts = new Dictionary<string, (int Frequency, Dictionary<string, int> Forms, int FirstSeen)>(StringComparer.Ordinal);
        var order = 0;
        foreach (var (text, weight) in new[] { (title, TitleWeight), (summary ?? "", 1), (body, 1) })
        {
            Term? previous = null;
            var tokens = Tokenizer.Tokenize(text);
            for (var i = 0; i < tokens.Count; i++)
            {
                var token = tokens[i];
                if (StopWords.Contains(token.Normalized))
                {
                    // A stop word between two words breaks the phrase ("وزير في الحكومة" is not "وزير حكومة").
                    previous = null;
                    continue;
                }

                var term = new Term(ArabicStemmer.Stem(token.Normalized), token.Start, token.Length);
                if (!IsContentStem(term.Stem))
                {
                    previous = null;
                    continue;
                }

                Count(counts, term.Stem, text.Substring(term.Start, term.Length), weight, ref order);
                if (previous is { } p && OnlySpaceBetween(text, p, term))
                {
                    Count(counts, $"{p.Stem} {term.Stem}", text[p.Start..(term.Start + term.Length)], weight, ref order);
                }

                previous = term;
            }
        }

        return counts
            .Select(c => new CandidateTerm(c.Key, MostFrequentForm(c.Value.Forms), c.Value.Frequency))
            .Where(c => !c.IsPhrase || c.Frequency >= MinPhraseFrequency)
            .OrderByDescending(c => c.Frequency).ThenBy(c => counts[c.Key].FirstSeen)
            .ToList();
    }

    /// <summary>
    /// The <paramref name="count"/> best candidates by TF-IDF. idf = ln((1 + N) / (1 + df)) + 1, the
    /// smoothed form, so a term every article has still counts a little and a fresh store ranks by
    /// frequency alone. A phrase scores with the mean idf of its two stems times <see cref="PhraseBoost"/>;
    /// a word already inside a better-ranked phrase (or a phrase holding a chosen word), or equal to an
    /// <paramref name="exclude"/>d name (normalised), is not chosen again.
    /// </summary>
    public static List<ExtractedKeyword> Choose(
        IReadOnlyList<CandidateTerm> candidates, Func<string, int> documentFrequency, int documents, int count, IEnumerable<string> exclude)
    {
        var excluded = exclude.Select(ArabicNormalizer.Normalize).ToHashSet(StringComparer.Ordinal);
        var excludedStems = excluded.Select(StemKey).ToHashSet(StringComparer.Ordinal);
        double Idf(string stem) => Math.Log((1.0 + documents) / (1.0 + Math.Min(documentFrequency(stem), documents))) + 1.0;

        var scored = candidates
            .Select(c => new ExtractedKeyword(c.Surface, c.Key, c.Frequency * (c.IsPhrase ? PhraseBoost * c.Key.Split(' ').Average(Idf) : Idf(c.Key))))
            .OrderByDescending(k => k.Score).ThenBy(k => k.Key, StringComparer.Ordinal)
            .ToList();

        var chosen = new List<ExtractedKeyword>();
        foreach (var keyword in scored)
        {
            if (chosen.Count == count)
            {
                break;
            }

            var stems = keyword.Key.Split(' ');
            var covered = chosen.Any(c => c.Key.Split(' ').Intersect(stems).Any());
            if (!covered && !excluded.Contains(ArabicNormalizer.Normalize(keyword.Name)) && !excludedStems.Contains(keyword.Key))
            {
                chosen.Add(keyword);
            }
        }

        return chosen;
    }

    /// <summary>The stems a name analyses to, as a candidate key: how a publisher keyword is compared with candidates.</summary>
    public static string StemKey(string name) => string.Join(' ', TextAnalyzer.Terms(name).Select(t => t.Stem));

    private static void Count(Dictionary<string, (int Frequency, Dictionary<string, int> Forms, int FirstSeen)> counts, string key, string form, int weight, ref int order)
    {
        if (!counts.TryGetValue(key, out var entry))
        {
            entry = (0, new Dictionary<string, int>(StringComparer.Ordinal), order++);
        }

        entry.Forms[form] = entry.Forms.GetValueOrDefault(form) + 1;
        counts[key] = entry with { Frequency = entry.Frequency + weight };
    }

    // A tie goes to the shorter form (usually the one without a clitic: الطاقة over بالطاقة), then to the first seen.
    private static string MostFrequentForm(Dictionary<string, int> forms) =>
        forms.Aggregate((best, next) => next.Value > best.Value || (next.Value == best.Value && next.Key.Length < best.Key.Length) ? next : best).Key;

    private static bool OnlySpaceBetween(string text, Term left, Term right)
    {
        for (var i = left.Start + left.Length; i < right.Start; i++)
        {
            if (!char.IsWhiteSpace(text[i]) || text[i] is '\n' or '\r')
            {
                return false;
            }
        }

        return true;
    }

    // Digits and two-letter stems say nothing about a story.
    private static bool IsContentStem(string stem) => stem.Length >= MinStemLength && !stem.All(char.IsDigit);
}
