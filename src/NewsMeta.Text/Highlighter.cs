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
    public static string Snippet(string text, IReadOnlySet<string> stems, int words = 30)
    {
        // One tokenisation; words are stemmed only up to the first match, and only the window is marked:
        // search highlights 20 whole bodies per page, so this is most of a search's CPU.
        var tokens = Tokenizer.Tokenize(text);
        if (tokens.Count == 0)
        {
            return string.Empty;
        }

        var anchor = Math.Max(0, tokens.FindIndex(t => !StopWords.Contains(t.Normalized) && stems.Contains(ArabicStemmer.Stem(t.Normalized))));
        var from = Math.Max(0, anchor - (words / 3));
        var to = Math.Min(tokens.Count - 1, from + words - 1);
        var start = tokens[from].Start;
        var end = tokens[to].Start + tokens[to].Length;
        var body = Mark(text, stems, start, end);
        return (from > 0 ? "… " : "") + body + (to < tokens.Count - 1 ? " …" : "");
    }

    private static string Mark(string text, IReadOnlySet<string> stems, int start, int end)
    {
        var result = new StringBuilder(end - start + 32);
        var position = start;
        // The window starts and ends at word boundaries, so analysing it alone finds the same words.
        foreach (var window in TextAnalyzer.Terms(text[start..end]))
        {
            var term = window with { Start = window.Start + start };
            if (!stems.Contains(term.Stem))
            {
                continue;
            }

            result.Append(WebUtility.HtmlEncode(text[position..term.Start]))
                .Append("<mark>").Append(WebUtility.HtmlEncode(text.Substring(term.Start, term.Length))).Append("</mark>");
            position = term.Start + term.Length;
        }

        return result.Append(WebUtility.HtmlEncode(text[position..end])).ToString().Trim();
    }
}
