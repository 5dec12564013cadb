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
}
