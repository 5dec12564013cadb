using NewsMeta.Text;

namespace NewsMeta.Text.Tests;

/// <summary>Tokenising, stemming and query parsing: the forms a reader writes meet on one stem.</summary>
public sealed class TextAnalysisTests
{
    [Fact]
    public void Tokens_keep_their_place_in_the_original_text()
    {
        const string Text = "قالَ الوزيرُ: «الموازنة» جاهزة.";
        var tokens = Tokenizer.Tokenize(Text);
        Assert.Equal(["قال", "الوزير", "الموازنه", "جاهزه"], tokens.Select(t => t.Normalized));
        Assert.Equal("الوزيرُ", Text.Substring(tokens[1].Start, tokens[1].Length));
        Assert.Equal("الموازنة", Text.Substring(tokens[2].Start, tokens[2].Length));
    }

    [Fact]
    public void Tatweel_tashkeel_and_invisible_characters_do_not_split_a_word()
    {
        var tokens = Tokenizer.Tokenize("الحكـــومة مُوافِقة ب\u200Cالإجماع");
        Assert.Equal(["الحكومه", "موافقه", "بالاجماع"], tokens.Select(t => t.Normalized));
    }

    [Theory]
    [InlineData("الصين", "للصين")]
    [InlineData("الصين", "بالصين")]
    [InlineData("الصين", "والصين")]
    [InlineData("الصين", "صين")]
    [InlineData("بوتين", "وبوتين")]
    [InlineData("الوزير", "وزير")]
    [InlineData("الوزير", "والوزير")]
    [InlineData("الحكومة", "حكومه")]
    [InlineData("إسرائيل", "اسرائيل")]
    [InlineData("المصريون", "المصريين")]
    [InlineData("الاتفاقيات", "والاتفاقيات")]
    public void Clitic_hamza_and_ta_marbuta_variants_share_a_stem(string canonical, string variant) =>
        Assert.Equal(Stem(canonical), Stem(variant));

    [Theory]
    [InlineData("كتاب", "كتاب")]      // ك is not stripped when only 3 letters would remain
    [InlineData("صين", "صين")]        // ين is not stripped when only 1 letter would remain
    [InlineData("مصري", "مصر")]       // nisba ي
    [InlineData("سياساتها", "سياسات")] // one suffix only
    [InlineData("vote", "vote")]      // non-Arabic words are not stemmed
    [InlineData("2026", "2026")]
    public void Stemming_keeps_a_minimum_stem(string word, string expected) =>
        Assert.Equal(expected, ArabicStemmer.Stem(ArabicNormalizer.Normalize(word)));

    [Fact]
    public void Stop_words_are_not_terms()
    {
        var terms = TextAnalyzer.Terms("قال الوزير إن الحكومة في طريقها إلى the budget of Zahran");
        Assert.Equal([Stem("الوزير"), Stem("الحكومة"), Stem("طريقها"), "budget", "zahran"], terms.Select(t => t.Stem));
    }

    [Fact]
    public void Query_clauses_are_terms_and_quoted_phrases()
    {
        var query = SearchQuery.Parse("موازنة \"البنك المركزي\" في  «سوق الأسهم»");
        Assert.Equal(3, query.Clauses.Count);
        Assert.Equal([Stem("موازنة")], query.Clauses[0]);
        Assert.Equal([Stem("البنك"), Stem("المركزي")], query.Clauses[1]);
        Assert.Equal([Stem("سوق"), Stem("الأسهم")], query.Clauses[2]);
        Assert.True(SearchQuery.Parse("  في من  ").IsEmpty);
    }

    private static string Stem(string word) => ArabicStemmer.Stem(ArabicNormalizer.Normalize(word));

    [Fact]
    public void Or_adds_a_branch_per_other_spelling_and_highlights_every_branch()
    {
        var query = SearchQuery.Parse("موازنة فيكتور").Or(SearchQuery.Parse("موازنة فكتور")).Or(SearchQuery.Parse("موازنة  فيكتور"));
        Assert.Equal(2, query.Branches.Count);
        Assert.Equal(query.Branches[0], query.Clauses);
        Assert.Contains(Stem("فكتور"), query.Stems);
        Assert.Single(SearchQuery.Parse("موازنة").Or(SearchQuery.Parse("في")).Branches);
    }
}
