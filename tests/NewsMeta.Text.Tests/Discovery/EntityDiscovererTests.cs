using NewsMeta.Text.Discovery;

namespace NewsMeta.Text.Tests.Discovery;

/// <summary>The cues discovery reads, one at a time, and its bounds.</summary>
public sealed class EntityDiscovererTests
{
    private static IReadOnlyList<DiscoveredEntity> Discover(string body, params string[] tags) =>
        EntityDiscoverer.Default.Discover(new DiscoveryInput("", null, body, tags), TestContext.Current.CancellationToken);

    private static DiscoveredEntity Single(IReadOnlyList<DiscoveredEntity> found, string name) => Assert.Single(found, e => e.Name == name);

    [Fact]
    public void A_role_with_a_nationality_before_a_name_gives_the_person_and_the_country()
    {
        var found = Discover("التقى الرئيس الروسي فلاديمير بوتين وفدا تجاريا. وقال بوتين إن اللقاء مثمر.");

        var person = Single(found, "فلاديمير بوتين");
        Assert.Equal("person", person.TypeName);
        Assert.Equal(["بوتين"], person.Aliases);
        Assert.Equal(2, person.Mentions.Count);
        Assert.Equal(DiscoveredType.Location, Single(found, "روسيا").Type);
    }

    [Fact]
    public void Organisation_heads_give_quoted_and_construct_names_and_clitics_are_taken_off()
    {
        var found = Discover("نقلت صحيفة «الصباح الجديد» عن مصدر في لوزارة النقل أن الخطة جاهزة، وأكدت ذلك جامعة الشرق للعلوم.");

        var paper = Single(found, "الصباح الجديد");
        Assert.Equal(DiscoveredType.Organization, paper.Type);
        Assert.Contains("صحيفة الصباح الجديد", paper.Aliases);
        Assert.Equal(DiscoveredType.Organization, Single(found, "وزارة النقل").Type);
        Assert.Equal(DiscoveredType.Organization, Single(found, "جامعة الشرق للعلوم").Type);
    }

    [Fact]
    public void Gazetteer_places_are_found_through_clitics_and_a_head_word_names_an_unlisted_town()
    {
        var found = Discover("وصل الوفد إلى بالقاهرة ثم توجه لروسيا، وزار بعدها مدينة زهران الساحلية.");

        Assert.Equal(DiscoveredType.Location, Single(found, "القاهرة").Type);
        Assert.Equal(DiscoveredType.Location, Single(found, "روسيا").Type);
        Assert.Equal(DiscoveredType.Location, Single(found, "زهران").Type);
        Assert.DoesNotContain(found, e => e.Name.Contains("الساحلية", StringComparison.Ordinal));
    }

    [Fact]
    public void A_publisher_tag_is_typed_by_the_words_around_it_in_the_text_and_an_untyped_tag_stays_a_keyword()
    {
        var found = Discover(
            "قال الصحافي أندريه كوفال إن المشروع تأخر. ونشر الخبر موقع إخباري. وتحدث الخبراء عن الإنترنت الفضائي.",
            "أندريه كوفال", "الإنترنت الفضائي");

        var journalist = Single(found, "أندريه كوفال");
        Assert.Equal(DiscoveredType.Person, journalist.Type);
        Assert.True(journalist.Confidence > EntityDiscoverer.Default.Discover(new DiscoveryInput("", null, "قال الصحافي أندريه كوفال إن المشروع تأخر."), TestContext.Current.CancellationToken).Single().Confidence);
        Assert.DoesNotContain(found, e => e.Name == "الإنترنت الفضائي");
    }

    [Fact]
    public void Words_after_a_name_that_are_not_names_end_it()
    {
        var found = Discover("وقال المتحدث باسم الوزارة سامر الخطيب للصحافيين إن الخطة جاهزة. وأعلن الوزير سالم الحارثي الثلاثاء القرار.");

        Assert.Contains(found, e => e.Name == "سامر الخطيب");
        Assert.Contains(found, e => e.Name == "سالم الحارثي");
        Assert.All(found, e => Assert.InRange(e.Name.Split(' ').Length, 1, 4));
    }

    [Fact]
    public void A_huge_text_is_bounded_in_candidates()
    {
        var body = string.Join(' ', Enumerable.Range(0, 5_000).Select(i => $"قال الوزير سالم{i} الحارثي{i} إن شركة «نور{i}» مستعدة."));
        var found = EntityDiscoverer.Default.Discover(new DiscoveryInput("", null, body), TestContext.Current.CancellationToken);

        Assert.InRange(found.Count, 1, 200);
    }
}
