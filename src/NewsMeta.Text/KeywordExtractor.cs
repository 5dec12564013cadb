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
/// Salient-term extraction by TF-IDF. <see cref="Candidates"/> reads one text (function words, adverbial
/// phrases and numbers dropped, words grouped by stem and shown in their base form without attached
/// preposition or conjunction, adjacent word pairs as phrases); <c>Choose</c> ranks them against
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
                if (FunctionWords.Contains(token.Normalized))
                {
                    // A function word between two words breaks the phrase ("وزير في الحكومة" is not "وزير حكومة"),
                    // and the word after an adverbial head belongs to it ("بشكل جذري" says how, not what).
                    previous = null;
                    i += FunctionWords.IsAdverbialHead(token.Normalized) ? 1 : 0;
                    continue;
                }

                var term = new Term(ArabicStemmer.Stem(token.Normalized), token.Start, token.Length);
                if (!IsContentStem(term.Stem) || KeyphraseFilters.IsNotTopic(token.Normalized, term.Stem))
                {
                    previous = null;
                    continue;
                }

                var written = text.Substring(term.Start, term.Length);
                if (KeyphraseFilters.HasPronounSuffix(written))
                {
                    // "فريقه", "أصواتهم": a word that points back at someone is not a topic.
                    previous = null;
                    continue;
                }

                var baseForm = BaseForms.Of(KeyphraseFilters.WithoutTanweenAlef(written));
                Count(counts, term.Stem, baseForm, weight, ref order);

                // "الحافلات والقطارات", "عقدا لبناء": a clitic on the second word starts a new clause, not a term.
                if (previous is { } p && OnlySpaceBetween(text, p, term) && !KeyphraseFilters.HasProclitic(token.Normalized, term.Stem))
                {
                    Count(counts, $"{p.Stem} {term.Stem}", BaseForms.Of(KeyphraseFilters.WithoutTanweenAlef(text.Substring(p.Start, p.Length)) + " " + KeyphraseFilters.WithoutTanweenAlef(written)), weight, ref order);
                }

                // "لبحث التعاون": a purpose clause starting with ل or ب before a bare noun does not start a term.
                previous = KeyphraseFilters.HasProclitic(token.Normalized, term.Stem) && baseForm.Length == written.Length ? null : term;
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
        IReadOnlyList<CandidateTerm> candidates, Func<string, int> documentFrequency, int documents, int count, IEnumerable<string> exclude) =>
        Choose(candidates, new StemFrequencies(documentFrequency, documents), count, exclude, []);

    /// <inheritdoc cref="Choose(IReadOnlyList{CandidateTerm}, ITermStatistics, int, IEnumerable{string}, IEnumerable{string})"/>
    public static List<ExtractedKeyword> Choose(
        IReadOnlyList<CandidateTerm> candidates, Func<string, int> documentFrequency, int documents, int count, IEnumerable<string> exclude, IEnumerable<string> entityNames) =>
        Choose(candidates, new StemFrequencies(documentFrequency, documents), count, exclude, entityNames);

    /// <summary>
    /// The <paramref name="count"/> best candidates by TF-IDF against <paramref name="statistics"/>. Besides
    /// the rules of the simpler overload: no candidate repeats one of the article's <paramref name="entityNames"/>
    /// (names and aliases: no candidate sharing a stem with one, so neither the bare surname "الخطيب"
    /// of "سامر الخطيب" nor "الروائية ليلى"); and a phrase the store shows to be a collocation (positive normalised
    /// PMI over its documents, <see cref="Collocation"/>) is boosted by that much more.
    /// </summary>
    public static List<ExtractedKeyword> Choose(
        IReadOnlyList<CandidateTerm> candidates, ITermStatistics statistics, int count, IEnumerable<string> exclude, IEnumerable<string> entityNames)
    {
        var documents = statistics.Documents;
        var excluded = exclude.Select(ArabicNormalizer.Normalize).ToHashSet(StringComparer.Ordinal);
        var excludedStems = excluded.Select(StemKey).ToHashSet(StringComparer.Ordinal);
        var names = entityNames.Select(n => StemKey(n).Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(n => n.Length > 0).ToList();
        double Idf(string stem) => Math.Log((1.0 + documents) / (1.0 + Math.Min(statistics.DocumentFrequency(stem), documents))) + 1.0;

        var scored = candidates
            .Select(c => new ExtractedKeyword(c.Surface, c.Key, c.Frequency * (c.IsPhrase ? PhraseBoost * (1 + Collocation(c.Key, statistics)) * c.Key.Split(' ').Average(Idf) : Idf(c.Key))))
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
            var repeatsName = names.Any(n => n.Intersect(stems).Any());
            if (!covered && !repeatsName && !excluded.Contains(ArabicNormalizer.Normalize(keyword.Name)) && !excludedStems.Contains(keyword.Key))
            {
                chosen.Add(keyword);
            }
        }

        return chosen;
    }

    /// <summary>
    /// How much the store's documents hold a two-stem phrase together: normalised PMI,
    /// ln(p(xy) / (p(x) p(y))) / -ln p(xy), clamped to 0..1; 0 when the store has no figure for the phrase.
    /// </summary>
    public static double Collocation(string phraseKey, ITermStatistics statistics)
    {
        var n = (double)statistics.Documents;
        if (n <= 0 || statistics.PhraseDocumentFrequency(phraseKey) is not { } together || together <= 0)
        {
            return 0;
        }

        var stems = phraseKey.Split(' ');
        var pxy = Math.Min(together, n) / n;
        var px = Math.Max(statistics.DocumentFrequency(stems[0]), together) / n;
        var py = Math.Max(statistics.DocumentFrequency(stems[^1]), together) / n;
        if (pxy >= 1)
        {
            return 0;
        }

        return Math.Clamp(Math.Log(pxy / (px * py)) / -Math.Log(pxy), 0, 1);
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
