using NewsMeta.Text;

namespace NewsMeta.Text.Tests;

/// <summary>Stored names carry no invisible spoofing characters.</summary>
public sealed class DisplayNamesTests
{
    [Theory]
    [InlineData("\u202Eرامي القاسم\u202C", "رامي القاسم")] // right-to-left override around the name
    [InlineData("رامي\u200B القاسم", "رامي القاسم")] // zero-width space
    [InlineData("\u2067Yusuf\u2069 Haddad", "Yusuf Haddad")] // isolates
    [InlineData("\u061Cهيئة\u200F المياه\uFEFF", "هيئة المياه")] // Arabic letter mark, RLM, BOM
    [InlineData("  بلدية\t\tالريان \n", "بلدية الريان")] // whitespace runs and ends
    [InlineData("Sa\u00ADmir\u0007", "Samir")] // soft hyphen, bell
    [InlineData("سحاب للتقنية", "سحاب للتقنية")] // nothing to clean
    public void Invisible_and_control_characters_are_removed_and_spaces_collapsed(string raw, string clean) =>
        Assert.Equal(clean, DisplayNames.Clean(raw));

    [Fact]
    public void A_name_of_invisible_characters_only_cleans_to_nothing() =>
        Assert.Equal("", DisplayNames.Clean("\u202E\u200B\u2066 \u2069"));
}
