using NewsMeta.Text;

namespace NewsMeta.Text.Tests;

/// <summary>Word counts by Arabic rules and reading time at the two rates, with text written for these tests.</summary>
public sealed class WordCountTests
{
    [Fact]
    public void Attached_clitics_are_one_word_with_their_word() =>
        Assert.Equal(4, WordCount.Count("وقال الوزير بالحكومة لهم"));

    [Fact]
    public void A_proclitic_written_apart_is_not_a_word() =>
        Assert.Equal(WordCount.Count("وقال الوزير"), WordCount.Count("و قال الوزير"));

    [Fact]
    public void Tatweel_and_diacritics_neither_split_nor_make_words()
    {
        Assert.Equal(2, WordCount.Count("مُحَمَّدٌ الريـــــان"));
        Assert.Equal(1, WordCount.Count("كلمة ـــــ ً ٌ"));
    }

    [Fact]
    public void Punctuation_and_numbers_count_as_in_reading()
    {
        Assert.Equal(5, WordCount.Count("أقر البرلمان، أمس، موازنة 2026."));
        Assert.Equal(0, WordCount.Count("  — ، . \n\n"));
        Assert.Equal(0, WordCount.Count(null));
    }

    [Fact]
    public void Other_languages_count_words_between_separators() =>
        Assert.Equal(6, WordCount.Count("The parliament passed the budget today."));

    [Theory]
    [InlineData(0, "ar", 0)]
    [InlineData(1, "ar", 1)]
    [InlineData(140, "ar", 1)]
    [InlineData(141, "ar", 2)]
    [InlineData(141, "ar-EG", 2)]
    [InlineData(230, "en", 1)]
    [InlineData(231, "en", 2)]
    [InlineData(231, "fr", 2)]
    public void Reading_time_is_rounded_up_at_the_language_rate(int words, string language, int minutes) =>
        Assert.Equal(minutes, WordCount.ReadingMinutes(words, language));
}
