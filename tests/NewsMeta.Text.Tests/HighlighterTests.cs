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

    [Fact]
    public void A_prefix_snippet_is_the_whole_texts_or_says_it_cannot_tell()
    {
        // Random texts of words, clitic forms of the match, punctuation and line breaks, cut at every length:
        // a prefix's snippet is null or exactly the whole text's, and a prefix holding the match and the
        // window after it always tells.
        var vocabulary = new[] { "قال", "الوزير،", "كلمة", "في", "بالموازنة", "الموازنة.", "موازنات", "\n\nفقرة", "(عاجل)", "2026", "وأضاف:" };
        var stems = Stems("موازنة");
        var random = new Random(20261207);
        var told = 0;
        for (var text = 0; text < 60; text++)
        {
            var words = Enumerable.Range(0, random.Next(0, 70)).Select(_ => vocabulary[random.Next(vocabulary.Length)]);
            var whole = string.Join(' ', words);
            var expected = Highlighter.Snippet(whole, stems, 12);
            for (var cut = 0; cut <= whole.Length; cut++)
            {
                if (Highlighter.SnippetOfPrefix(whole[..cut], stems, 12) is { } snippet)
                {
                    Assert.Equal(expected, snippet);
                    told++;
                }
            }
        }

        Assert.True(told > 1000, $"prefixes told the snippet {told} times");
        var late = string.Join(' ', Enumerable.Range(0, 40).Select(i => $"كلمة{i}")) + " الموازنة " + string.Join(' ', Enumerable.Range(0, 40).Select(i => $"نص{i}"));
        var firstPart = late[..(late.IndexOf("نص20", StringComparison.Ordinal) + 2)];
        Assert.Equal(Highlighter.Snippet(late, stems, 12), Highlighter.SnippetOfPrefix(firstPart, stems, 12));
        Assert.Null(Highlighter.SnippetOfPrefix(late[..late.IndexOf("الموازنة", StringComparison.Ordinal)], stems, 12));
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
