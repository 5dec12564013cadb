using NewsMeta.Text;

namespace NewsMeta.Text.Tests;

/// <summary>Entity linking: catalogue names and aliases found in article text, with Arabic written for these tests.</summary>
public sealed class EntityMatcherTests
{
    private const int Zahran = 1;
    private const int Haddad = 2;
    private const int Rayyan = 3;
    private const int Sahab = 4;
    private const int YoussefFootballer = 5;
    private const int China = 6;
    private const int Putin = 7;

    private static readonly EntityMatcher Matcher = EntityMatcher.Build(
    [
        (Zahran, "زهران"), (Zahran, "جمهورية زهران"), (Zahran, "Zahran"),
        (Haddad, "يوسف الحداد"), (Haddad, "Youssef Haddad"), (Haddad, "الوزير يوسف الحداد"),
        (Rayyan, "الريان"), (Rayyan, "Rayyan"), (Rayyan, "Al-Rayyan"),
        (Sahab, "شركة سحاب للتقنية"), (Sahab, "سحاب"),
        (YoussefFootballer, "يوسف"),
        (China, "الصين"),
        (Putin, "بوتين"),
    ]);

    [Fact]
    public void Multi_word_name_matches_through_tashkeel_and_tatweel_and_maps_back_to_the_original_text()
    {
        const string Text = "استقبل يُوسُف الحـــدّاد وفداً من الرّيان.";
        var mentions = Matcher.Match(Text);
        Assert.Equal([Haddad, Rayyan], mentions.Select(m => m.EntityId));
        Assert.Equal(["يُوسُف الحـــدّاد", "الرّيان"], mentions.Select(m => Text.Substring(m.Start, m.Length)));
    }

    [Theory]
    [InlineData("والصين", China)]
    [InlineData("بالصين", China)]
    [InlineData("للصين", China)]
    [InlineData("وللصين", China)]
    [InlineData("فالصين", China)]
    [InlineData("وبوتين", Putin)]
    [InlineData("لبوتين", Putin)]
    [InlineData("وزهران", Zahran)]
    [InlineData("لزهران", Zahran)]
    public void Clitic_prefixes_on_the_first_word_still_match_and_stay_in_the_span(string word, int entityId)
    {
        var text = $"وصل الوفد {word} أمس";
        var mention = Assert.Single(Matcher.Match(text));
        Assert.Equal(entityId, mention.EntityId);
        Assert.Equal(word, text.Substring(mention.Start, mention.Length));
    }

    [Fact]
    public void Clitics_on_a_multi_word_name_are_part_of_the_span()
    {
        const string Text = "قدّم الرئيس الشكر وليوسف الحداد على جهوده";
        var mention = Assert.Single(Matcher.Match(Text));
        Assert.Equal(Haddad, mention.EntityId);
        Assert.Equal("وليوسف الحداد", Text.Substring(mention.Start, mention.Length));
    }

    [Fact]
    public void Longest_spelling_wins_and_mentions_do_not_overlap()
    {
        const string Text = "أعلنت شركة سحاب للتقنية أن سحاب ستتوسع، وقال يوسف الحداد إن يوسف سيلعب غداً";
        var mentions = Matcher.Match(Text);
        Assert.Equal([Sahab, Sahab, Haddad, YoussefFootballer], mentions.Select(m => m.EntityId));
        Assert.Equal(
            ["شركة سحاب للتقنية", "سحاب", "يوسف الحداد", "يوسف"],
            mentions.Select(m => Text.Substring(m.Start, m.Length)));
    }

    [Fact]
    public void Longer_spelling_that_includes_a_title_wins_over_the_bare_name()
    {
        const string Text = "صرّح الوزير يوسف الحداد";
        var mention = Assert.Single(Matcher.Match(Text));
        Assert.Equal("الوزير يوسف الحداد", Text.Substring(mention.Start, mention.Length));
    }

    [Fact]
    public void A_partial_long_spelling_falls_back_to_the_shorter_one_inside_it()
    {
        const string Text = "شركة سحاب للطيران";
        var mention = Assert.Single(Matcher.Match(Text));
        Assert.Equal(Sahab, mention.EntityId);
        Assert.Equal("سحاب", Text.Substring(mention.Start, mention.Length));
    }

    [Fact]
    public void Latin_aliases_match_regardless_of_case_and_accents()
    {
        const string Text = "Minister youssef HADDAD visited Al-Rayyan and Rayyān, then left ZAHRAN.";
        var mentions = Matcher.Match(Text);
        Assert.Equal([Haddad, Rayyan, Rayyan, Zahran], mentions.Select(m => m.EntityId));
        Assert.Equal(
            ["youssef HADDAD", "Al-Rayyan", "Rayyān", "ZAHRAN"],
            mentions.Select(m => Text.Substring(m.Start, m.Length)));
    }

    [Theory]
    [InlineData("اجتمع الحدادين في السوق")]
    [InlineData("مرت سحابة فوق المدينة")]
    [InlineData("تحدث الصينيون عن الاقتصاد")]
    [InlineData("قال بوتينا شيئاً")]
    public void A_word_that_only_contains_a_name_is_not_a_mention(string text) => Assert.Empty(Matcher.Match(text));

    [Fact]
    public void A_suffix_on_the_last_word_breaks_the_long_spelling_only()
    {
        const string Text = "يوسف الحدادين";
        var mention = Assert.Single(Matcher.Match(Text));
        Assert.Equal(YoussefFootballer, mention.EntityId);
        Assert.Equal("يوسف", Text.Substring(mention.Start, mention.Length));
    }

    [Fact]
    public void Same_spelling_for_two_entities_goes_to_the_lower_id_whatever_the_order()
    {
        var matcher = EntityMatcher.Build([(9, "النسر"), (7, "النّسر"), (8, "النسر"), (9, "النسر")]);
        Assert.Equal(1, matcher.SpellingCount);
        Assert.Equal(7, Assert.Single(matcher.Match("حلّق النسر")).EntityId);
    }

    [Fact]
    public void Empty_stop_word_and_one_letter_spellings_are_ignored()
    {
        var matcher = EntityMatcher.Build([(1, "في"), (2, "ب"), (3, "x"), (4, " ،، "), (5, ""), (6, "الريان"), (7, "The")]);
        Assert.Equal(1, matcher.SpellingCount);
        Assert.Equal([6], matcher.Match("في الريان ب x the").Select(m => m.EntityId));
    }

    [Fact]
    public void Stop_words_inside_a_multi_word_spelling_are_kept()
    {
        var matcher = EntityMatcher.Build([(1, "بنك في زهران")]);
        Assert.Equal([1], matcher.Match("افتتح بنك في زهران فرعاً").Select(m => m.EntityId));
    }

    [Fact]
    public void Count_sums_mentions_per_entity()
    {
        var counts = Matcher.Count("زار يوسف الحداد زهران، ثم غادر Youssef Haddad جمهورية زهران إلى الصين");
        Assert.Equal(3, counts.Count);
        Assert.Equal(2, counts[Haddad]);
        Assert.Equal(2, counts[Zahran]);
        Assert.Equal(1, counts[China]);
    }

    [Fact]
    public void Empty_text_has_no_mentions()
    {
        Assert.Empty(Matcher.Match(null));
        Assert.Empty(Matcher.Match("   "));
        Assert.Empty(Matcher.Count(""));
        Assert.Empty(EntityMatcher.Build([]).Match("الصين"));
    }

    [Fact]
    public void Large_catalogue_still_finds_the_right_entities()
    {
        var spellings = Enumerable.Range(1, 10_000).Select(n => (1_000 + n, $"شخصية {n}")).ToList();
        spellings.AddRange([(Haddad, "يوسف الحداد"), (Rayyan, "الريان"), (China, "الصين")]);
        var matcher = EntityMatcher.Build(spellings);
        Assert.Equal(10_003, matcher.SpellingCount);

        const string Text = "التقت شخصية 42 بيوسف الحداد في الريان، وحضرت شخصية ٩٩٩٩ بينما غابت شخصية 10001 عن لقاء الصين.";
        var mentions = matcher.Match(Text);
        Assert.Equal([1_042, Haddad, Rayyan, 10_999, China], mentions.Select(m => m.EntityId));
        Assert.Equal("شخصية ٩٩٩٩", Text.Substring(mentions[3].Start, mentions[3].Length));
    }

    [Fact]
    public void Concurrent_matching_gives_the_same_results()
    {
        const string Text = "وبوتين وللصين ويوسف الحداد وشركة سحاب للتقنية";
        var expected = Matcher.Match(Text);
        var results = new List<EntityMention>[64];
        Parallel.For(0, results.Length, i => results[i] = Matcher.Match(Text));
        Assert.All(results, r => Assert.Equal(expected, r));
        Assert.Equal([Putin, China, Haddad, Sahab], expected.Select(m => m.EntityId));
    }

    [Fact]
    public void Tally_reports_the_alias_a_text_mostly_uses_and_nothing_when_it_uses_the_name()
    {
        var matcher = EntityMatcher.Build([(Haddad, "يوسف الحداد"), (Rayyan, "الريان")], [(Haddad, "Youssef Haddad"), (Haddad, "يوسف حداد"), (Rayyan, "Al-Rayyan")]);

        var tally = matcher.Tally("قال يوسف حداد إن Youssef Haddad سافر. ثم عاد يوسف حداد إلى الريان.");
        Assert.Equal(new EntityTally(3, "يوسف حداد"), tally[Haddad]);
        Assert.Equal(new EntityTally(1, null), tally[Rayyan]);

        // The name used as often as an alias wins: the text does name the entity as the catalogue does.
        Assert.Equal(new EntityTally(2, null), matcher.Tally("يوسف الحداد و Youssef Haddad")[Haddad]);
        Assert.Equal("Al-Rayyan", matcher.Match("زار al-rayyan").Single().Alias);
    }

    [Fact]
    public void An_alias_that_normalises_like_the_name_is_the_name()
    {
        var matcher = EntityMatcher.Build([(Haddad, "يوسف الحدّاد")], [(Haddad, "يوسف الحداد")]);
        Assert.Null(matcher.Match("يوسف الحداد").Single().Alias);
    }
}
