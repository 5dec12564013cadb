namespace NewsMeta.Text;

/// <summary>
/// Counts the words a reader reads, and the minutes that takes. A word is what <see cref="Tokenizer"/> finds
/// (tatweel, diacritics and invisible characters inside a word do not split it) that has at least one letter
/// or digit: a run of tatweel or diacritics alone is no word. Attached clitics (وقال، بالحكومة، لهم) are part
/// of their word by construction; a proclitic written apart by mistake (<c>و الحكومة</c>) is not a word of
/// its own either, so both spellings count the same.
/// </summary>
public static class WordCount
{
    /// <summary>Arabic readers read fewer words a minute: a word carries more (clitics, attached pronouns).</summary>
    public const int ArabicWordsPerMinute = 140;
    public const int OtherWordsPerMinute = 230;

    public static int Count(string? text)
    {
        var count = 0;
        foreach (var token in Tokenizer.Tokenize(text))
        {
            if (!IsDetachedProclitic(token.Normalized))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>Minutes to read <paramref name="words"/> words, rounded up; 0 only for no words.</summary>
    /// <param name="words">The word count.</param>
    /// <param name="language">BCP 47 tag; <c>ar</c> and its subtags read at the Arabic rate.</param>
    public static int ReadingMinutes(int words, string? language)
    {
        var perMinute = IsArabic(language) ? ArabicWordsPerMinute : OtherWordsPerMinute;
        return (words + perMinute - 1) / perMinute;
    }

    private static bool IsArabic(string? language) =>
        language is not null
        && (language.Equals("ar", StringComparison.OrdinalIgnoreCase) || language.StartsWith("ar-", StringComparison.OrdinalIgnoreCase));

    /// <summary>A one-letter Arabic proclitic standing alone: و ف ب ل ك (normalised forms).</summary>
    private static bool IsDetachedProclitic(string normalized) =>
        normalized.Length == 1 && normalized[0] is '\u0648' or '\u0641' or '\u0628' or '\u0644' or '\u0643';
}
