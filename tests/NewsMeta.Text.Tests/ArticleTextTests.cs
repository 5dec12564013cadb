using NewsMeta.Text;

namespace NewsMeta.Text.Tests;

/// <summary>Stored article text carries no bidi controls or hidden characters, but keeps its paragraphs and joiners that are text.</summary>
public sealed class ArticleTextTests
{
    [Theory]
    [InlineData("\u202Eخبر عاجل\u202C", "خبر عاجل")] // right-to-left override
    [InlineData("السعر \u2066100\u2069 دينار", "السعر 100 دينار")] // isolates
    [InlineData("\u200Fنص\u200E و\u061Cنص\uFEFF", "نص ونص")] // RLM, LRM, Arabic letter mark, BOM
    [InlineData("كلمة\u200Bمخفية\u2060", "كلمةمخفية")] // zero-width space, word joiner
    [InlineData("سطر\u0007 \u001B[31mأحمر\u0085", "سطر [31mأحمر")] // bell, escape, C1 control
    [InlineData("\u200Cبداية\u200D", "بداية")] // joiners at the edges join nothing
    [InlineData("a \u200C b", "a  b")] // a joiner between spaces joins nothing
    public void Bidi_controls_invisible_and_control_characters_are_removed(string raw, string clean) =>
        Assert.Equal(clean, ArticleText.Clean(raw));

    [Theory]
    [InlineData("می\u200Cخواهم")] // Persian ZWNJ between letters
    [InlineData("\U0001F468\u200D\U0001F469\u200D\U0001F467")] // ZWJ emoji family
    [InlineData("فقرة أولى.\n\nفقرة\tثانية.\r\n")] // paragraphs, tabs and line ends stay
    [InlineData("plain text")]
    [InlineData("NUL\0 is left for validation to refuse")]
    public void Text_and_its_layout_are_kept(string text) =>
        Assert.Equal(text, ArticleText.Clean(text));

    [Fact]
    public void A_joiner_whose_neighbour_was_an_override_is_judged_by_what_remains() =>
        Assert.Equal("می\u200Cخواهم", ArticleText.Clean("می\u200C\u202Eخواهم"));
}
