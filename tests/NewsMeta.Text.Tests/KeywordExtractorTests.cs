using NewsMeta.Text;

namespace NewsMeta.Text.Tests;

/// <summary>TF-IDF keyword extraction: stems grouped, stop words and numbers out, phrases, rarity rewarded.</summary>
public sealed class KeywordExtractorTests
{
    // A store where nothing is known: idf is equal for every term and frequency alone ranks.
    private static int Unknown(string stem) => 0;

    [Fact]
    public void Forms_of_one_word_are_grouped_and_shown_in_the_most_frequent_form()
    {
        const string Body = "وصلت السفينة إلى الميناء صباحا. وقال مدير الميناء إن للميناء رصيفا جديدا. وتعمل بالميناء فرق الصيانة.";
        var candidates = KeywordExtractor.Candidates("عودة الحركة", null, Body);

        var port = Assert.Single(candidates, c => c.Key == ArabicStemmer.Stem(ArabicNormalizer.Normalize("الميناء")));
        Assert.Equal(4, port.Frequency);
        Assert.Equal("الميناء", port.Surface);
    }

    [Fact]
    public void Stop_words_numbers_and_short_stems_are_never_candidates()
    {
        var candidates = KeywordExtractor.Candidates("في عام 2026", "هو من", "كان ذلك في 15 يوما أو أكثر");
        Assert.DoesNotContain(candidates, c => c.Key is "في" or "من" or "هو" or "2026" or "15" or "كان" or "ذلك");
        Assert.All(candidates, c => Assert.True(c.Key.Replace(" ", "").Length >= 3, c.Key));
    }

    [Fact]
    public void Title_words_weigh_more_than_body_words()
    {
        var candidates = KeywordExtractor.Candidates("مهرجان", null, "أقيم مهرجان في الواحة وحضره المزارعون والمزارعون والمزارعون.");
        Assert.Equal(KeywordExtractor.TitleWeight + 1, candidates.Single(c => c.Surface == "مهرجان").Frequency);
        Assert.Equal("مهرجان", KeywordExtractor.Choose(candidates, Unknown, 0, 1, []).Single().Name);
    }

    [Fact]
    public void A_word_common_across_the_store_loses_to_a_rare_one()
    {
        // "الحكومة" appears more often here, but in every stored article; "الزعفران" is in one.
        const string Body = "قالت الحكومة إن الحكومة تدعم الحكومة المحلية. وبدأ موسم الزعفران. وقطف الزعفران.";
        var candidates = KeywordExtractor.Candidates("الحكومة", null, Body);
        var government = ArabicStemmer.Stem(ArabicNormalizer.Normalize("الحكومة"));
        int Frequency(string stem) => stem == government ? 1000 : 1;

        var chosen = KeywordExtractor.Choose(candidates, Frequency, 1000, 1, []);
        Assert.Equal("الزعفران", chosen.Single().Name);

        // With no statistics, frequency wins.
        Assert.Equal("الحكومة", KeywordExtractor.Choose(candidates, Unknown, 0, 1, []).Single().Name);
    }

    [Fact]
    public void A_repeated_word_pair_becomes_a_phrase_and_its_words_are_not_chosen_again()
    {
        const string Body = "افتتحت محطة التحلية الجديدة. وتنتج محطة التحلية مياه الشرب. وزار المهندسون محطة التحلية أمس.";
        var candidates = KeywordExtractor.Candidates("افتتاح", null, Body);
        var chosen = KeywordExtractor.Choose(candidates, Unknown, 0, 3, []);

        Assert.Equal("محطة التحلية", chosen[0].Name);
        Assert.DoesNotContain(chosen.Skip(1), k => k.Name is "محطة" or "التحلية");
    }

    [Fact]
    public void A_pair_split_by_punctuation_or_a_stop_word_is_not_a_phrase()
    {
        const string Body = "زار الوفد المصنع، الوادي هادئ. المصنع، الوادي. المصنع في الوادي.";
        var candidates = KeywordExtractor.Candidates("زيارة", null, Body);
        Assert.DoesNotContain(candidates, c => c.IsPhrase && c.Surface.Contains("الوادي", StringComparison.Ordinal) && c.Surface.Contains("المصنع", StringComparison.Ordinal));
    }

    [Fact]
    public void Keywords_the_publisher_gave_are_not_extracted_again_in_any_spelling()
    {
        const string Body = "ارتفعت أسعار القهوة. وقال التجار إن القهوة نادرة. القهوه غالية والقهوة مطلوبة.";
        var candidates = KeywordExtractor.Candidates("القهوة", null, Body);
        var chosen = KeywordExtractor.Choose(candidates, Unknown, 0, 2, ["قهوة"]);

        Assert.DoesNotContain(chosen, k => ArabicNormalizer.Normalize(k.Name).EndsWith("قهوه", StringComparison.Ordinal));
        Assert.Equal(2, chosen.Count);
    }

    [Fact]
    public void Latin_text_is_lower_cased_and_grouped()
    {
        var candidates = KeywordExtractor.Candidates("Harbour reopens", null, "The harbour opened. Harbour traffic rose. HARBOUR staff cheered.");
        var harbour = Assert.Single(candidates, c => c.Key == "harbour");
        Assert.Equal(KeywordExtractor.TitleWeight + 3, harbour.Frequency);
        Assert.Equal("harbour", KeywordExtractor.Choose(candidates, Unknown, 0, 1, []).Single().Key);
    }
}
