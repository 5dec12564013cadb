namespace NewsMeta.Text.Tests;

/// <summary>Issue 21's keyphrase rules: base forms, no function-word edges, no adverbials, no entity names, collocations preferred.</summary>
public sealed class KeyphraseCleanlinessTests
{
    private static int Unknown(string stem) => 0;

    [Fact]
    public void An_attached_preposition_or_conjunction_is_taken_off_the_phrase()
    {
        const string Body = "دعت النقابة لإلغاء القيود على الاستيراد. وطالب التجار بإلغاء القيود فورا. وقال الوزير إن إلغاء القيود قريب.";
        var candidates = KeywordExtractor.Candidates("دعوات لإلغاء القيود", null, Body);

        var phrase = Assert.Single(candidates, c => c.IsPhrase && c.Key == KeywordExtractor.StemKey("إلغاء القيود"));
        Assert.Equal("إلغاء القيود", phrase.Surface);
        Assert.Equal("إلغاء القيود", KeywordExtractor.Choose(candidates, Unknown, 0, 1, []).Single().Name);
    }

    [Theory]
    [InlineData("بالطاقة", "الطاقة")]
    [InlineData("للنقل", "النقل")]
    [InlineData("وبالتعاون", "التعاون")]
    [InlineData("لإلغاء", "إلغاء")]
    [InlineData("لبنان", "لبنان")]
    [InlineData("وزير", "وزير")]
    [InlineData("واشنطن", "واشنطن")]
    public void Base_forms_drop_only_clitics_that_cannot_belong_to_the_word(string written, string expected) =>
        Assert.Equal(expected, BaseForms.Of(written));

    [Fact]
    public void Adverbial_phrases_function_words_and_verbs_are_never_keyphrases()
    {
        const string Body = "تغيرت الخطة بشكل جذري. وتغير النظام بشكل جذري أيضا. ويتوقع الخبراء أن يتغير القطاع بشكل جذري في المستقبل.";
        var candidates = KeywordExtractor.Candidates("الخطة تتغير بشكل جذري", null, Body);

        Assert.DoesNotContain(candidates, c => c.Surface.Contains("جذري", StringComparison.Ordinal) || c.Surface.Contains("بشكل", StringComparison.Ordinal));
        Assert.DoesNotContain(candidates, c => c.Surface.Split(' ').Any(w => w is "ويتوقع" or "يتغير" or "تتغير"));
        Assert.All(candidates.Where(c => c.IsPhrase), c => Assert.False(FunctionWords.IsParticle(ArabicNormalizer.Normalize(c.Surface.Split(' ')[^1])), c.Surface));
    }

    [Fact]
    public void A_keyphrase_never_repeats_an_entity_name_or_its_bare_surname()
    {
        const string Body = "قال الخطيب إن الحافلات الكهربائية ستصل. وأضاف الخطيب أن الحافلات الكهربائية صديقة للبيئة. وكرر الخطيب ذلك.";
        var candidates = KeywordExtractor.Candidates("سامر الخطيب يتحدث عن الحافلات", null, Body);

        var without = KeywordExtractor.Choose(candidates, Unknown, 0, 5, [], []);
        var with = KeywordExtractor.Choose(candidates, Unknown, 0, 5, [], ["سامر الخطيب", "الخطيب"]);

        Assert.Contains(without, k => k.Name == "الخطيب");
        Assert.DoesNotContain(with, k => k.Key.Split(' ').Contains(KeywordExtractor.StemKey("الخطيب")));
        Assert.Contains(with, k => k.Name == "الحافلات");
    }

    [Fact]
    public void A_phrase_the_store_shows_to_be_a_collocation_outranks_one_that_is_not()
    {
        // Two phrases as frequent as each other in the text; the store has seen only one of them together.
        const string Body = "محطة التحلية تعمل. محطة التحلية جديدة. شارع المدينة مزدحم. شارع المدينة طويل.";
        var candidates = KeywordExtractor.Candidates("خبر", null, Body);
        var station = KeywordExtractor.StemKey("محطة التحلية");
        var street = KeywordExtractor.StemKey("شارع المدينة");
        var store = new Statistics(100, new() { ["محط"] = 5, ["تحلي"] = 5, ["شارع"] = 5, ["مدين"] = 5 }, new() { [station] = 5, [street] = 0 });

        Assert.True(KeywordExtractor.Collocation(station, store) > 0.9);
        Assert.Equal(0, KeywordExtractor.Collocation(street, store));
        Assert.Equal("محطة التحلية", KeywordExtractor.Choose(candidates, store, 1, [], []).Single().Name);
    }

    private sealed class Statistics(int documents, Dictionary<string, int> stems, Dictionary<string, int> phrases) : ITermStatistics
    {
        public int Documents => documents;

        public int DocumentFrequency(string stem) => stems.GetValueOrDefault(stem);

        public int? PhraseDocumentFrequency(string stemPhrase) => phrases.GetValueOrDefault(stemPhrase);
    }
}
