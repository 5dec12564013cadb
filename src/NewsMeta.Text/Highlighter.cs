using System.Net;
using System.Text;

namespace NewsMeta.Text;

/// <summary>
/// Marks the words of a text that match search stems with &lt;mark&gt;…&lt;/mark&gt;, around the
/// ORIGINAL words (with their hamza, tashkeel and clitics), and HTML-escapes everything else, so a
/// frontend can insert the result as HTML without opening an injection hole.
/// </summary>
public static class Highlighter
{
    /// <summary>The whole text, every matching word marked.</summary>
    public static string MarkAll(string text, IReadOnlySet<string> stems) => Mark(text, stems, 0, text.Length);

    /// <summary>
    /// A window of about <paramref name="words"/> words around the first match (the start of the text
    /// when nothing matches), with "…" where text was cut.
    /// </summary>
    public static string Snippet(string text, IReadOnlySet<string> stems, int words = 30) => FirstMatchWindow(text, stems, words, textIsPrefix: false)!;

    /// <summary>
    /// The <see cref="Snippet(string, IReadOnlySet{string}, int)"/> of every text that starts with
    /// <paramref name="prefix"/>, or null when the prefix alone cannot tell: no match in it, or a window that
    /// runs to its end. Search reads only the first part of each body, and the whole body for the few results
    /// this is null for.
    /// </summary>
    public static string? SnippetOfPrefix(string prefix, IReadOnlySet<string> stems, int words = 30)
    {
        // The last word may be cut; the words before the last white space are whole.
        var end = prefix.AsSpan().LastIndexOfAny(" \n\t\r\u00A0");
        return end <= 0 ? null : FirstMatchWindow(prefix[..end], stems, words, textIsPrefix: true);
    }

    private static string? FirstMatchWindow(string text, IReadOnlySet<string> stems, int words, bool textIsPrefix)
    {
        // Words are read only up to the first match and the window after it, keeping the few before it:
        // search highlights 20 whole bodies per page, and splitting each body into all its words was most
        // of a search's CPU. Only the window is marked.
        var lead = words / 3;
        var first = new List<Token>(words);   // the window when nothing matches
        var before = new Queue<Token>(lead + 1);
        var read = 0;
        var reader = new WordReader(text, stems);
        Span<char> buffer = stackalloc char[WordReader.BufferLength];
        while (reader.Next(buffer, out var token, out var matches))
        {
            if (matches)
            {
                var window = new List<Token>(words);
                window.AddRange(before);
                window.Add(token);
                while (window.Count < words && reader.Next(buffer, out var next, out _))
                {
                    window.Add(next);
                }

                var more = reader.Next(buffer, out _, out _);
                // Of a prefix, only a full window with a word after it is the whole text's window too.
                return textIsPrefix && (window.Count < words || !more) ? null : Cut(text, stems, window, cutBefore: read > before.Count, cutAfter: more);
            }

            if (first.Count < words)
            {
                first.Add(token);
            }

            before.Enqueue(token);
            if (before.Count > lead)
            {
                before.Dequeue();
            }

            read++;
        }

        if (textIsPrefix)
        {
            return null; // the match may come after the prefix
        }

        return first.Count == 0 ? string.Empty : Cut(text, stems, first, cutBefore: false, cutAfter: read > first.Count);
    }

    /// <summary>
    /// The words of a text in order, each told whether it matches a stem. A stem is what is left of a
    /// normalised word once prefixes and a suffix are stripped (<see cref="ArabicStemmer"/>), so a word that
    /// contains none of the stems cannot match: such a word, nearly every word of a body, is normalised into
    /// a buffer and neither made a string nor stemmed. Tokens carry positions only (a window needs no more).
    /// </summary>
    private sealed class WordReader(string text, IReadOnlySet<string> stems, int from = 0, int to = int.MaxValue)
    {
        public const int BufferLength = 64;

        private readonly string[] _stems = [.. stems];
        private int _position = from;

        public bool Next(Span<char> buffer, out Token token, out bool matches)
        {
            while (Tokenizer.NextWord(text, ref _position, out var start, out var length) && start < to)
            {
                var raw = text.AsSpan(start, length);
                var normalized = ArabicNormalizer.TryNormalizeWord(raw, buffer, out var written) ? null : ArabicNormalizer.NormalizeWord(raw);
                var word = normalized is null ? buffer[..written] : normalized.AsSpan();
                if (word.IsEmpty)
                {
                    continue;
                }

                token = new Token(start, length, string.Empty);
                matches = ContainsStem(word) && IsMatch(normalized ?? word.ToString());
                return true;
            }

            token = default;
            matches = false;
            return false;
        }

        private bool ContainsStem(ReadOnlySpan<char> word)
        {
            foreach (var stem in _stems)
            {
                if (word.Contains(stem.AsSpan(), StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsMatch(string normalized) => !StopWords.Contains(normalized) && stems.Contains(ArabicStemmer.Stem(normalized));
    }

    private static string Cut(string text, IReadOnlySet<string> stems, List<Token> window, bool cutBefore, bool cutAfter) =>
        (cutBefore ? "… " : "") + Mark(text, stems, window[0].Start, window[^1].Start + window[^1].Length) + (cutAfter ? " …" : "");

    private static string Mark(string text, IReadOnlySet<string> stems, int start, int end)
    {
        var result = new StringBuilder(end - start + 32);
        var position = start;
        // The window starts and ends at word boundaries, so reading it alone finds the same words.
        var reader = new WordReader(text, stems, start, end);
        Span<char> buffer = stackalloc char[WordReader.BufferLength];
        while (reader.Next(buffer, out var word, out var matches))
        {
            if (!matches)
            {
                continue;
            }

            result.Append(WebUtility.HtmlEncode(text[position..word.Start]))
                .Append("<mark>").Append(WebUtility.HtmlEncode(text.Substring(word.Start, word.Length))).Append("</mark>");
            position = word.Start + word.Length;
        }

        return result.Append(WebUtility.HtmlEncode(text[position..end])).ToString().Trim();
    }
}
