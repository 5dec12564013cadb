using NewsMeta.Text;

namespace NewsMeta.Text.Tests;

/// <summary>One test per normalisation rule, with Arabic written for these tests.</summary>
public sealed class ArabicNormalizerTests
{
    [Theory]
    [InlineData("أحمد", "احمد")]
    [InlineData("إبراهيم", "ابراهيم")]
    [InlineData("آمال", "امال")]
    [InlineData("ٱلرحمن", "الرحمن")]
    public void Alef_forms_become_bare_alef(string input, string expected) => Assert.Equal(expected, ArabicNormalizer.Normalize(input));

    [Fact]
    public void Alef_maqsura_becomes_yaa() => Assert.Equal("ليلي", ArabicNormalizer.Normalize("ليلى"));

    [Fact]
    public void Taa_marbuta_becomes_haa() => Assert.Equal(ArabicNormalizer.Normalize("الحكومه"), ArabicNormalizer.Normalize("الحكومة"));

    [Fact]
    public void Tashkeel_and_dagger_alef_are_removed()
    {
        Assert.Equal("محمد", ArabicNormalizer.Normalize("مُحَمَّدٌ"));
        Assert.Equal("هذا", ArabicNormalizer.Normalize("هٰذا"));
    }

    [Fact]
    public void Tatweel_is_removed() => Assert.Equal("الريان", ArabicNormalizer.Normalize("الريـــــان"));

    [Fact]
    public void Presentation_forms_are_unfolded_by_nfkc() => Assert.Equal("لا", ArabicNormalizer.Normalize("\uFEFB"));

    [Fact]
    public void Persian_letters_become_arabic() => Assert.Equal("كتاب يومي", ArabicNormalizer.Normalize("کتاب یومی"));

    [Theory]
    [InlineData("موازنة ٢٠٢٦", "موازنه 2026")]
    [InlineData("۱۴۰۵", "1405")]
    public void Eastern_digits_become_ascii(string input, string expected) => Assert.Equal(expected, ArabicNormalizer.Normalize(input));

    [Fact]
    public void Bidi_controls_and_zero_width_characters_are_removed()
    {
        Assert.Equal("نادين عيسى".Replace('ى', 'ي'), ArabicNormalizer.Normalize("\u202Eنادين\u200B عيسى\u200F"));
        Assert.Equal("sahab", ArabicNormalizer.Normalize("Sa\u200Dhab\uFEFF"));
    }

    [Fact]
    public void Latin_is_case_folded_and_loses_diacritics() => Assert.Equal("cafe marquez", ArabicNormalizer.Normalize("CAFÉ Márquez"));

    [Theory]
    [InlineData("  يوسف   الحداد  ", "يوسف الحداد")]
    [InlineData("Al-Rayyan", "al rayyan")]
    [InlineData("«بلدية الريان»، اليوم!", "بلديه الريان اليوم")]
    [InlineData("آ ف ب", "ا ف ب")]
    public void Whitespace_and_punctuation_collapse_to_single_spaces(string input, string expected) =>
        Assert.Equal(expected, ArabicNormalizer.Normalize(input));

    [Fact]
    public void Hamza_on_waw_and_yaa_is_kept() => Assert.Equal("مسؤول رئيس", ArabicNormalizer.Normalize("مسؤول رئيس"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ،؛ ")]
    public void Empty_or_punctuation_only_gives_empty(string? input) => Assert.Equal("", ArabicNormalizer.Normalize(input));

    [Theory]
    [InlineData("إِعْلَانُ الحُكُومَةِ عَنْ مُوَازَنَةِ ٢٠٢٦")]
    [InlineData("Layla Al-Mansouri, وزيرة الاقتصاد")]
    public void Normalisation_is_idempotent(string input)
    {
        var once = ArabicNormalizer.Normalize(input);
        Assert.Equal(once, ArabicNormalizer.Normalize(once));
    }

    [Theory]
    [InlineData("\u0648\u0654", "\u0624")] // و + hamza above composes to ؤ, which is kept
    [InlineData("\u064A\u0654", "\u0626")] // ي + hamza above composes to ئ
    [InlineData("\u0627\u0653", "\u0627")] // ا + madda composes to آ, then bare alef
    [InlineData("\u0675", "\u0627\u0674")] // high hamza alef is a compatibility form of ا + ٴ
    public void Combining_hamza_and_madda_compose_with_their_letter(string input, string expected) =>
        Assert.Equal(expected, ArabicNormalizer.Normalize(input));

    /// <summary>
    /// Text NFKC leaves alone takes a shortcut past the Unicode normaliser. A trailing "é" forces the full
    /// path, and both paths must agree on everything before it, over random Arabic, marks, invisibles,
    /// ASCII, digits and punctuation.
    /// </summary>
    [Fact]
    public void The_shortcut_for_stable_text_agrees_with_the_full_normaliser()
    {
        const string alphabet = "ابتةثجحخدذرزسشصضطظعغفقكلمنهويىأإآؤئءٱـًٌٍَُِّْٰ٠١٢٣٤٥٦٧٨٩۱۲کیەہ،؛؟«»“”–— .,;:!?-_()AZaz09\u200c\u200d\u200f\u061c";
        var random = new Random(20261129);
        for (var n = 0; n < 5000; n++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var shortcut = ArabicNormalizer.Normalize(text);
            var full = ArabicNormalizer.Normalize(text + " \u00E9");
            Assert.Equal(shortcut.Length == 0 ? "e" : shortcut + " e", full);
            Assert.Equal(shortcut.Replace(" ", "", StringComparison.Ordinal), ArabicNormalizer.NormalizeWord(text));
        }
    }
}

public sealed class SlugsTests
{
    [Fact]
    public void Slug_comes_from_the_last_url_segment() =>
        Assert.Equal("budget-vote", Slugs.Create("https://shorouq.example/ar/2026/03/10/budget-vote", "عنوان"));

    [Fact]
    public void Slug_falls_back_to_the_normalised_title() =>
        Assert.Equal("البرلمان-يقر-موازنه-2026", Slugs.Create(null, "البرلمان يقر موازنة 2026"));

    [Fact]
    public void Slug_is_bounded() => Assert.True(Slugs.Create(null, string.Join(' ', Enumerable.Repeat("كلمة", 100))).Length <= Slugs.MaxLength);
}
