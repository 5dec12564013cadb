using NewsMeta.Text.Pages;

namespace NewsMeta.Text.Tests;

/// <summary>
/// Related titles run together with nothing on the page or in the store to attest them: the headline
/// grammar cuts where a new headline visibly starts, and keeps the line whole when a piece would not
/// read as a headline.
/// </summary>
public sealed class RunTogetherTitlesTests
{
    private static IReadOnlyList<string> Related(string line, string body = "افتتحت بلدية الريان مكتبة جديدة في وسط المدينة.")
    {
        var page = NewsPageParser.Parse($"""
            {body}
            المصدر: صحيفة الاختبار
            أخبار ذات صلة {line}
            """).Page;
        Assert.NotNull(page);
        return page.RelatedTitles;
    }

    [Fact]
    public void Two_titles_starting_with_the_same_first_name_are_split()
    {
        Assert.Equal(
            ["سامر الخطيب يزور الحي الشمالي", "سامر العلي يفتتح معرضاً للكتاب"],
            Related("سامر الخطيب يزور الحي الشمالي سامر العلي يفتتح معرضاً للكتاب"));
    }

    [Fact]
    public void Two_titles_starting_with_the_same_name_are_split()
    {
        Assert.Equal(
            ["منير العلي يفتتح المكتبة الجديدة", "منير العلي يزور مدارس الريان"],
            Related("منير العلي يفتتح المكتبة الجديدة منير العلي يزور مدارس الريان"));
    }

    [Fact]
    public void A_verb_initial_headline_after_a_complete_one_starts_a_new_title()
    {
        Assert.Equal(
            ["بلدية الريان تفتتح جسراً جديداً", "تطلق وزارة النقل خطة للحافلات"],
            Related("بلدية الريان تفتتح جسراً جديداً تطلق وزارة النقل خطة للحافلات"));
    }

    [Fact]
    public void A_subject_the_body_attests_and_its_verb_start_a_new_title()
    {
        const string Body = "قالت شركة \"نور للنقل\" إنها ستشغل الخطوط الجديدة.";
        Assert.Equal(
            ["بلدية الريان تفتتح جسراً جديداً فوق الوادي", "نور للنقل توقع عقداً لشراء حافلات كهربائية"],
            Related("بلدية الريان تفتتح جسراً جديداً فوق الوادي نور للنقل توقع عقداً لشراء حافلات كهربائية", Body));
    }

    [Fact]
    public void An_organisation_head_gives_a_two_word_subject()
    {
        Assert.Equal(
            ["بلدية الريان تعيد ترميم المكتبة العامة", "وزارة الثقافة تكرم رواد المسرح الزهراني"],
            Related("بلدية الريان تعيد ترميم المكتبة العامة وزارة الثقافة تكرم رواد المسرح الزهراني"));
    }

    [Theory]
    [InlineData("الحكومة تعلن خطة تهدف إلى خفض الازدحام في وسط المدينة")] // a second verb followed by a particle
    [InlineData("أسعار النفط اليوم وأخبار الأسواق العالمية والعملات")] // no verb: nothing reads as a headline
    [InlineData("الريان تستضيف معرضاً للسيارات وزارة")] // the last piece would be too short
    public void A_line_whose_pieces_would_not_all_read_as_headlines_stays_whole(string line)
    {
        Assert.Equal([line], Related(line));
    }
}
