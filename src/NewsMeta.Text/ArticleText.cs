using System.Globalization;
using System.Text;

namespace NewsMeta.Text;

/// <summary>
/// Cleans an article's free text (title, summary, body, link title) before it is stored: bidi controls
/// (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), other invisible characters that only hide or
/// disguise text (U+200B, U+2060–U+2064, U+206A–U+206F, U+180E, BOM) and control characters other than
/// tab, line breaks and NUL are removed (NUL is left for validation to refuse: it means a broken encoder,
/// and the sender should hear of it). An override such as U+202E makes stored text display as something other
/// than it is, and none of these is text a reader sees. ZWNJ and ZWJ are kept where they are text: between
/// two letters or marks (Persian and Urdu write with ZWNJ; ZWJ joins emoji), and removed elsewhere.
/// Unlike <see cref="DisplayNames"/>, whitespace and line structure are kept: a body's paragraphs stay.
/// </summary>
public static class ArticleText
{
    private const char Zwnj = '\u200C';
    private const char Zwj = '\u200D';

    public static string Clean(string text)
    {
        if (!text.AsSpan().ContainsAny(Suspects))
        {
            return text;
        }

        var kept = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!IsRemoved(c))
            {
                kept.Append(c);
            }
        }

        // Second pass, on the text without the removed characters: a joiner's neighbours are what the reader sees.
        var result = new StringBuilder(kept.Length);
        for (var i = 0; i < kept.Length; i++)
        {
            var c = kept[i];
            if (c is Zwnj or Zwj && !(result.Length > 0 && Joins(result[^1]) && i + 1 < kept.Length && Joins(kept[i + 1])))
            {
                continue;
            }

            result.Append(c);
        }

        return result.ToString();
    }

    /// <summary>Every character <see cref="Clean"/> may remove; text without any is returned as it is.</summary>
    private static readonly System.Buffers.SearchValues<char> Suspects = System.Buffers.SearchValues.Create(
        [.. Enumerable.Range(1, 0x1F).Select(i => (char)i).Where(c => c is not ('\t' or '\n' or '\r')),
         .. Enumerable.Range(0x7F, 0x21).Select(i => (char)i),
         '\u061C', '\u180E', '\u200B', Zwnj, Zwj, '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E',
         '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\u2066', '\u2067', '\u2068', '\u2069',
         '\u206A', '\u206B', '\u206C', '\u206D', '\u206E', '\u206F', '\uFEFF']);

    private static bool IsRemoved(char c) => c is not (Zwnj or Zwj) && Suspects.Contains(c);

    /// <summary>What a joiner may stand between: letters, combining marks, and emoji (surrogates, symbols).</summary>
    private static bool Joins(char c) =>
        char.IsLetter(c) || char.IsSurrogate(c)
        || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark or UnicodeCategory.OtherSymbol;
}
