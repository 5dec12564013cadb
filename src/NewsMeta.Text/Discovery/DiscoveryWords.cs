namespace NewsMeta.Text.Discovery;

/// <summary>
/// A word of a field as discovery sees it: where it is, its normalised form, that form without clitics,
/// and what separates it from its neighbours (a clause break, an opening or closing quote). <see cref="Tanween"/>:
/// written with a nunation mark ("صندوقاً", "عالٍ"), which marks an indefinite common word, never a name.
/// <see cref="LastLetter"/>: the last letter as written, before normalising merges ة with ه and ى with ي.
/// </summary>
internal readonly record struct DiscoveryWord(Token Token, string[] Forms, bool BreakBefore, bool QuoteBefore, bool QuoteAfter, bool Tanween = false, char LastLetter = '\0')
{
    public string Normalized => Token.Normalized;

    /// <summary>Written with the feminine ending ة ("شركة"; not "مياه").</summary>
    public bool TaMarbuta => LastLetter == 'ة';

    /// <summary>Written with ى: a nisba ends with ي, so "اليمنى" (the right-hand) is not "اليمني" (Yemeni).</summary>
    public bool AlefMaqsura => LastLetter == 'ى';

    /// <summary>Starts with the article, perhaps after clitics: "الخطيب", "للنقل", "بالريان".</summary>
    public bool IsDefinite => Forms.Any(f => f.StartsWith("ال", StringComparison.Ordinal) && f.Length > 3);

    /// <summary>A preposition or conjunction before the article ("للنقل", "بالريان", "والخطيب"): such a word is not inside a person's name.</summary>
    public bool HasArticleClitic => !Normalized.StartsWith("ال", StringComparison.Ordinal) && IsDefinite;

    /// <summary>
    /// Starts with the conjunction و before a word of four letters or more ("وتفاصيل", "ومسرحا"): first
    /// names that start with و are short (وليد, وائل, وفاء), so such a word is "and" + a common word.
    /// </summary>
    public bool HasConjunction => Normalized.Length >= 5 && Normalized[0] == 'و' && !Normalized.StartsWith("وال", StringComparison.Ordinal);

    /// <summary>
    /// Starts with the preposition ب, ك or ل before a word ("بزيادة", "برأسمال", "بأكملها"): read as a clitic
    /// when the rest has three letters or more (the gazetteer is asked first, so "بيروت" is a place).
    /// </summary>
    public bool HasPreposition => Normalized.Length >= 4 && Normalized[0] is 'ب' or 'ك' or 'ل' && !IsDefinite;

    /// <summary>
    /// <see cref="HasPreposition"/> in a place name's position: foreign place names also start with ب, ك or
    /// ل, but then a long vowel follows ("كيغالي", "لوساكا"); an Arabic noun after the clitic starts with a
    /// consonant ("بزيادة", "بكلفة") or carries a pronoun ("بأكملها").
    /// </summary>
    public bool HasPrepositionBeforePlace => HasPreposition
        && (Normalized[1] is not ('ا' or 'و' or 'ي') || Normalized.EndsWith("ها", StringComparison.Ordinal) || Normalized.EndsWith("هم", StringComparison.Ordinal));

    /// <summary>The word, or one of its forms without clitics, is in the set.</summary>
    public bool IsIn(HashSet<string> set) => Forms.Any(set.Contains);

    /// <summary>The form found in the set (how many letters of clitics to drop from the written word), or null.</summary>
    public string? FormIn(HashSet<string> set) => Forms.FirstOrDefault(set.Contains);
}

/// <summary>Reads a field into <see cref="DiscoveryWord"/>s in one pass.</summary>
internal static class DiscoveryWords
{
    /// <summary>Fathatan, dammatan, kasratan: the marks of an indefinite noun or adjective.</summary>
    private static readonly System.Buffers.SearchValues<char> TanweenMarks = System.Buffers.SearchValues.Create("\u064B\u064C\u064D");

    private static readonly System.Buffers.SearchValues<char> Quotes = System.Buffers.SearchValues.Create("\"«»“”„'‘’");

    /// <summary>Marks that end a clause: a name never runs across one.</summary>
    private static readonly System.Buffers.SearchValues<char> Breaks = System.Buffers.SearchValues.Create(".,،;؛:!?؟()[]{}\n\r|–—");

    public static List<DiscoveryWord> Read(string text) => Read(text, Tokenizer.Tokenize(text));

    /// <summary>The words of <paramref name="text"/> from its tokens (<see cref="Tokenizer.Tokenize"/> of the same text).</summary>
    public static List<DiscoveryWord> Read(string text, List<Token> tokens)
    {
        var words = new List<DiscoveryWord>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var gapStart = i == 0 ? 0 : tokens[i - 1].Start + tokens[i - 1].Length;
            var gap = text.AsSpan(gapStart, token.Start - gapStart);
            var nextEnd = i + 1 < tokens.Count ? tokens[i + 1].Start : text.Length;
            var after = text.AsSpan(token.Start + token.Length, nextEnd - token.Start - token.Length);
            words.Add(new DiscoveryWord(token, Forms(token.Normalized), i == 0 || gap.IndexOfAny(Breaks) >= 0, gap.IndexOfAny(Quotes) >= 0, after.IndexOfAny(Quotes) >= 0,
                text.AsSpan(token.Start, token.Length).IndexOfAny(TanweenMarks) >= 0, LastLetter(text.AsSpan(token.Start, token.Length))));
        }

        return words;
    }

    private static char LastLetter(ReadOnlySpan<char> written)
    {
        var end = written.Length;
        while (end > 0 && !char.IsLetter(written[end - 1]))
        {
            end--;
        }

        return end > 0 ? written[end - 1] : '\0';
    }

    /// <summary>
    /// The word and its forms without clitics: up to two of و ف, then one of ب ك ل, or ل before the
    /// article ("للنقل" → "النقل"), each strip leaving at least 3 letters. Liberal on purpose: the forms
    /// are only looked up in cue lists and the gazetteer, after the word as written ("لبنان" is itself
    /// first), and never become part of a name.
    /// </summary>
    public static string[] Forms(string word)
    {
        var forms = new List<string>(4) { word };
        var start = 0;
        for (var k = 0; k <= 2; k++)
        {
            var rest = word.AsSpan(start);
            if (rest.StartsWith("لل") && rest.Length > 4)
            {
                forms.Add("ال" + word[(start + 2)..]);
            }
            else if (rest.Length > 3 && rest[0] is 'ب' or 'ك' or 'ل')
            {
                forms.Add(word[(start + 1)..]);
            }

            if (k == 2 || rest.Length <= 3 || rest[0] is not ('و' or 'ف'))
            {
                break;
            }

            start++;
            forms.Add(word[start..]);
        }

        return [.. forms.Distinct()];
    }
}
