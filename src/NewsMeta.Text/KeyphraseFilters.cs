namespace NewsMeta.Text;

/// <summary>What keeps a word or a phrase from being a keyphrase, and how a written word is shown as one.</summary>
internal static class KeyphraseFilters
{
    /// <summary>
    /// Words that name no topic even when frequent: verbs (by list, stem or shape), the titles and roles that
    /// introduce people ("الرئيس", "المخرج"), and nisba adjectives, which stand for a country the article's
    /// entities already name ("الإسباني").
    /// </summary>
    public static bool IsNotTopic(string normalized, string stem)
    {
        var forms = Discovery.DiscoveryWords.Forms(normalized);
        return VerbForms(normalized).Any(FunctionWords.LooksLikeVerb) || forms.Any(FunctionWords.Contains) || FunctionWords.IsNewsVerb(stem)
            || forms.Any(Discovery.DiscoveryCues.PersonRoles.Contains) || Discovery.Gazetteer.Default.IsNisba(forms[^1]) || Discovery.Gazetteer.Default.IsNisba(normalized);
    }

    /// <summary>
    /// An indefinite accusative written with its tanween ("عقداً") shown as the base word ("عقد"). Only where
    /// the mark is written: without it, a final alef is as often part of the word ("دلتا", "إيلينا").
    /// </summary>
    public static string WithoutTanweenAlef(string written) =>
        written.EndsWith("اً", StringComparison.Ordinal) && written.Length > 4 ? written[..^2] : written.TrimEnd('\u064B');

    /// <summary>The stemmer took a preposition or conjunction off the front of the word ("لبناء", "والقطارات").</summary>
    public static bool HasProclitic(string normalized, string stem) =>
        normalized.Length > 0 && normalized[0] is 'و' or 'ف' or 'ب' or 'ل' or 'ك' && (stem.Length == 0 || stem[0] != normalized[0]);

    /// <summary>Written with a possessive or object pronoun: ه (not ة, and not the ه of "مياه"), ها, هم, هما, هن, كم.</summary>
    public static bool HasPronounSuffix(string written) =>
        written.Length > 3
        && ((written.EndsWith('ه') && !written.EndsWith("اه", StringComparison.Ordinal))
            || written.EndsWith("ها", StringComparison.Ordinal) || written.EndsWith("هم", StringComparison.Ordinal)
            || written.EndsWith("هما", StringComparison.Ordinal) || written.EndsWith("هن", StringComparison.Ordinal) || written.EndsWith("كم", StringComparison.Ordinal));

    /// <summary>The word without what attaches to a verb in front: و ف, then ل or س before a present-tense prefix ("وليشمل", "سيلتقي").</summary>
    private static IEnumerable<string> VerbForms(string word)
    {
        yield return word;
        if (word.Length > 4 && word[0] is 'و' or 'ف')
        {
            word = word[1..];
            yield return word;
        }

        if (word.Length > 4 && word[0] is 'ل' or 'س' && word[1] is 'ي' or 'ت' or 'ن')
        {
            yield return word[1..];
        }
    }
}
