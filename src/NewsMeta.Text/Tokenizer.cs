namespace NewsMeta.Text;

/// <summary>A word of the original text: where it is, and its normalised form.</summary>
public readonly record struct Token(int Start, int Length, string Normalized);

/// <summary>
/// Splits text into words, keeping each word's position in the original string (so search
/// highlights and entity mentions can point at the words the reader sees). A word is a run of
/// letters, digits and combining marks; tashkeel, tatweel and invisible characters inside a word do
/// not break it. Each word is normalised with <see cref="ArabicNormalizer"/>.
/// </summary>
public static class Tokenizer
{
    public static List<Token> Tokenize(string? text) => [.. Enumerate(text)];

    /// <summary>The words one by one, for a reader that may stop early (a snippet needs the words up to its first match and a window after).</summary>
    public static IEnumerable<Token> Enumerate(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var position = 0;
        while (NextWord(text, ref position, out var start, out var length))
        {
            // Presentation-form ligatures can expand to several words under NFKC: NormalizeWord keeps them one token.
            var normalized = ArabicNormalizer.NormalizeWord(text.AsSpan(start, length));
            if (normalized.Length > 0)
            {
                yield return new Token(start, length, normalized);
            }
        }
    }

    /// <summary>
    /// Where the next word at or after <paramref name="position"/> is, before normalising (which may leave
    /// nothing of it); <paramref name="position"/> moves past it. False when no word is left. For a reader
    /// that normalises only the words it needs (<see cref="Highlighter.Snippet"/>).
    /// </summary>
    public static bool NextWord(string text, ref int position, out int start, out int length)
    {
        while (position < text.Length && !IsWordChar(text[position]))
        {
            position++;
        }

        start = position;
        while (position < text.Length && IsWordChar(text[position]))
        {
            position++;
        }

        length = position - start;
        return length > 0;
    }

    private static readonly CharSet WordChars = new(IsWordCharSlow);

    private static bool IsWordChar(char c) => WordChars.Contains(c);

    /// <summary>What a word is made of; asked once per character value to fill <see cref="WordChars"/>.</summary>
    internal static bool IsWordCharSlow(char c) =>
        char.IsLetterOrDigit(c)
        || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark
        || c is '\u0640' or '\u200C' or '\u200D' or '\u200B' or '\u2060' or '\u00AD'
        || (c >= '\u200E' && c <= '\u200F') || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
}
