using NewsMeta.Text;

namespace NewsMeta.Text.Tests;

public sealed class HighlighterTests
{
    private static IReadOnlySet<string> Stems(string query) => SearchQuery.Parse(query).Stems;

    [Fact]
    public void Marks_the_original_words_whatever_form_the_query_used()
    {
        var marked = Highlighter.MarkAll("وصل وزيرُ الخارجية إلى الصين، ثم عاد من بالصين.", Stems("للصين"));
        Assert.Equal("وصل وزيرُ الخارجية إلى <mark>الصين</mark>، ثم عاد من <mark>بالصين</mark>.", marked);
    }

    [Fact]
    public void Escapes_everything_that_is_not_a_mark()
    {
        var marked = Highlighter.MarkAll("<script>x</script> موازنة & عجز", Stems("موازنه"));
        Assert.Equal("&lt;script&gt;x&lt;/script&gt; <mark>موازنة</mark> &amp; عجز", marked);
    }

    [Fact]
    public void Snippet_is_a_window_around_the_first_match()
    {
        var words = Enumerable.Range(1, 100).Select(i => $"كلمة{i}").ToList();
        words[60] = "الموازنة";
        var snippet = Highlighter.Snippet(string.Join(' ', words), Stems("موازنة"), words: 12);
        Assert.StartsWith("… ", snippet, StringComparison.Ordinal);
        Assert.EndsWith(" …", snippet, StringComparison.Ordinal);
        Assert.Contains("<mark>الموازنة</mark>", snippet, StringComparison.Ordinal);
        Assert.Equal(12, snippet.Trim('…', ' ').Split(' ').Length);
    }

    [Fact]
    public void Snippet_without_a_match_is_the_start_of_the_text()
    {
        Assert.Equal("نص قصير بلا تطابق", Highlighter.Snippet("نص قصير بلا تطابق", Stems("موازنة")));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(30)]
    public void Snippet_window_and_cuts_are_those_of_the_whole_text_split_into_words(int window)
    {
        // Wherever the first match sits (start, inside the leading words, middle, last words, nowhere) and
        // however long the text, the snippet read word by word equals the window taken from all the words.
        foreach (var length in new[] { 0, 1, 5, 11, 12, 13, 40 })
        {
            foreach (var match in Enumerable.Range(-1, length + 1))
            {
                var words = Enumerable.Range(1, length).Select(i => $"كلمة{i}").ToList();
                if (match >= 0)
                {
                    words[match] = "بالموازنة";
                    if (match + 2 < length)
                    {
                        words[match + 2] = "الموازنة";
                    }
                }

                var text = string.Join(' ', words);
                Assert.Equal(WholeTextSnippet(text, Stems("موازنة"), window), Highlighter.Snippet(text, Stems("موازنة"), window));
            }
        }
    }

    /// <summary>The snippet as it was first written: split the whole text, find the first match, cut around it.</summary>
    private static string WholeTextSnippet(string text, IReadOnlySet<string> stems, int words)
    {
        var tokens = Tokenizer.Tokenize(text);
        if (tokens.Count == 0)
        {
            return string.Empty;
        }

        var anchor = Math.Max(0, tokens.FindIndex(t => !StopWords.Contains(t.Normalized) && stems.Contains(ArabicStemmer.Stem(t.Normalized))));
        var from = Math.Max(0, anchor - (words / 3));
        var to = Math.Min(tokens.Count - 1, from + words - 1);
        var marked = Highlighter.MarkAll(text[tokens[from].Start..(tokens[to].Start + tokens[to].Length)], stems);
        return (from > 0 ? "… " : "") + marked + (to < tokens.Count - 1 ? " …" : "");
    }
}
