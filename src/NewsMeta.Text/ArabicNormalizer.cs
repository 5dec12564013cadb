using System.Globalization;
using System.Text;

namespace NewsMeta.Text;

/// <summary>
/// The one normalisation used wherever names, aliases, keywords, titles or queries are compared.
/// Deterministic and idempotent: <c>Normalize(Normalize(x)) == Normalize(x)</c>.
/// </summary>
/// <remarks>
/// Rules, applied in this order:
/// <list type="number">
/// <item>Unicode NFKC, so presentation forms (ﻻ, ﺍ, full-width Latin) become their plain letters.</item>
/// <item>Tashkeel is removed: harakat and tanween (U+064B–U+065F), dagger alef (U+0670), Quranic
/// marks (U+0610–U+061A, U+06D6–U+06ED); tatweel (U+0640) is removed.</item>
/// <item>Alef forms أ إ آ ٱ become ا; ى becomes ي; ة becomes ه.</item>
/// <item>Persian/Urdu letters become their Arabic counterparts: ک → ك, ی → ي, ە/ہ → ه.</item>
/// <item>Arabic-Indic (٠–٩) and Persian (۰–۹) digits become ASCII 0–9.</item>
/// <item>Bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates) and zero-width characters
/// (ZWSP, ZWNJ, ZWJ, word joiner, BOM, soft hyphen) are removed: they are invisible and can be used
/// to make two different strings look the same.</item>
/// <item>Latin letters are lower-cased and lose their diacritics (É → e).</item>
/// <item>Every run of whitespace, punctuation and symbols becomes one space; the result is trimmed.</item>
/// </list>
/// Hamza on waw/yaa (ؤ ئ) and the lone hamza (ء) are kept: merging them joins unrelated words.
/// </remarks>
public static class ArabicNormalizer
{
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        return IsCompatibilityStable(text) ? NormalizeStable(text, wordBreaks: true) : NormalizeComposed(text);
    }

    /// <summary>
    /// One word of a longer text (the tokenizer's): <see cref="Normalize(string?)"/> without the spaces a
    /// presentation-form ligature can expand to, so the word stays one token.
    /// </summary>
    public static string NormalizeWord(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty)
        {
            return string.Empty;
        }

        return IsCompatibilityStable(word)
            ? NormalizeStable(word, wordBreaks: false)
            : NormalizeComposed(word.ToString()).Replace(" ", "", StringComparison.Ordinal);
    }

    /// <summary>
    /// True when NFKC cannot change the text: ASCII, the Arabic block except the three combining hamza and
    /// madda marks (U+0653–U+0655, which compose with the letter before them: و + ٔ is ؤ) and the four
    /// high-hamza letters (U+0675–U+0678, compatibility forms), and a few quotation marks and dashes.
    /// Nearly all news text is; the check saves the ICU call and a copy per word, the hot path of
    /// indexing and entity matching.
    /// </summary>
    private static bool IsCompatibilityStable(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            var stable = c < '\u0080'
                || (c is >= '\u0600' and <= '\u06FF' && c is not (>= '\u0653' and <= '\u0655') && c is not (>= '\u0675' and <= '\u0678'))
                || c is '\u00AB' or '\u00BB' or '\u2013' or '\u2014' or '\u2018' or '\u2019' or '\u201C' or '\u201D';
            if (!stable)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The rules after NFKC for text it leaves alone: every character maps to at most one.</summary>
    /// <param name="text">Text for which <see cref="IsCompatibilityStable"/> holds.</param>
    /// <param name="wordBreaks">False: runs of separators are dropped instead of becoming one space.</param>
    private static string NormalizeStable(ReadOnlySpan<char> text, bool wordBreaks)
    {
        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        return new string(buffer[..NormalizeStable(text, buffer, wordBreaks)]);
    }

    /// <summary>
    /// <see cref="NormalizeWord"/> written into <paramref name="destination"/> instead of a new string, for a
    /// word NFKC leaves alone and that fits (every character maps to at most one); false otherwise, when the
    /// caller makes the string. A reader that tests most words and keeps few (highlighting) allocates nothing
    /// for the others.
    /// </summary>
    public static bool TryNormalizeWord(ReadOnlySpan<char> word, Span<char> destination, out int written)
    {
        if (word.Length > destination.Length || !IsCompatibilityStable(word))
        {
            written = 0;
            return false;
        }

        written = NormalizeStable(word, destination, wordBreaks: false);
        return true;
    }

    /// <returns>How many characters of <paramref name="buffer"/> (at least as long as the text) were written.</returns>
    private static int NormalizeStable(ReadOnlySpan<char> text, Span<char> buffer, bool wordBreaks)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var raw in text)
        {
            if (IsRemoved(raw))
            {
                continue;
            }

            var c = MapLetter(raw);
            if (LettersDigitsAndMarks.Contains(c))
            {
                if (pendingSpace && length > 0 && wordBreaks)
                {
                    buffer[length++] = ' ';
                }

                pendingSpace = false;
                // ASCII is the only cased script on this path (the Arabic block has no case).
                buffer[length++] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return length;
    }

    private static string NormalizeComposed(string text)
    {
        var composed = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(composed.Length);
        var pendingSpace = false;
        foreach (var raw in composed)
        {
            var c = raw;
            if (IsRemoved(c))
            {
                continue;
            }

            c = MapLetter(c);
            if (LettersDigitsAndMarks.Contains(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                AppendFolded(builder, c);
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }

    /// <summary>Characters that vanish without leaving a word break.</summary>
    private static bool IsRemoved(char c) => c switch
    {
        >= '\u064B' and <= '\u065F' => true, // harakat, tanween, shadda, sukun, hamza marks
        '\u0670' => true,                    // dagger alef
        >= '\u0610' and <= '\u061A' => true, // Quranic honorifics and small marks
        >= '\u06D6' and <= '\u06ED' => true, // Quranic annotation signs
        '\u0640' => true,                    // tatweel
        '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD' => true, // zero-width, soft hyphen
        '\u200E' or '\u200F' or '\u061C' => true,                                   // LRM, RLM, ALM
        >= '\u202A' and <= '\u202E' => true,                                         // embeddings and overrides
        >= '\u2066' and <= '\u2069' => true,                                         // isolates
        _ => false,
    };

    private static char MapLetter(char c) => c switch
    {
        '\u0623' or '\u0625' or '\u0622' or '\u0671' => '\u0627', // أ إ آ ٱ → ا
        '\u0649' => '\u064A',                                      // ى → ي
        '\u0629' => '\u0647',                                      // ة → ه
        '\u06A9' => '\u0643',                                      // ک → ك
        '\u06CC' => '\u064A',                                      // ی → ي
        '\u06D5' or '\u06C1' => '\u0647',                          // ە ہ → ه
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        _ => c,
    };

    private static readonly CharSet LettersDigitsAndMarks = new(IsLetterDigitOrMark);

    /// <summary>What the normalised form keeps; asked once per character value to fill <see cref="LettersDigitsAndMarks"/>.</summary>
    internal static bool IsLetterDigitOrMark(char c) => char.IsLetterOrDigit(c) || IsCombiningMark(c);

    private static bool IsCombiningMark(char c)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    private static void AppendFolded(StringBuilder builder, char c)
    {
        if (c < '\u0080')
        {
            builder.Append(c is >= 'A' and <= 'Z' ? (char)(c + 32) : c);
            return;
        }

        if (c < '\u0250')
        {
            // Latin-1 and Latin Extended: lower-case, then drop diacritics (é → e, ß stays ß).
            var lower = char.ToLowerInvariant(c);
            foreach (var part in lower.ToString().Normalize(NormalizationForm.FormD))
            {
                if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
                {
                    builder.Append(part);
                }
            }

            return;
        }

        builder.Append(char.ToLowerInvariant(c));
    }
}
