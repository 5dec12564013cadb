using NewsMeta.Text.Discovery;

namespace NewsMeta.Text.Tests.Discovery;

/// <summary>
/// Issue 21's junk on the service's sample data: discovery must not turn common words into entities there
/// ("سيول" the floods, not Seoul; a verb; an adjective; a conjunction-led noun), and must still find its
/// real names. The listing test prints every discovery for a reader to judge (set NEWSMETA_DISCOVERY_LISTING
/// to a file path to write it there too).
/// </summary>
public sealed class SampleArticlesDiscoveryTests
{
    /// <summary>
    /// Words and phrases of the sample articles that discovery once returned and that name nothing, judged by
    /// reading them in context: common nouns, verbs, adjectives, prepositional and conjunction-led phrases, and
    /// names overrun into the next words. (السويد and اليمن came from "حمد السويدي", a family name, and "الجهة
    /// اليمنى", the right-hand side; no sample article is about Sweden or Yemen.)
    /// </summary>
    public static readonly TheoryData<string> NotNames =
    [
        "سيول", "عانت", "ساحلية", "معلقة", "بأكملها", "بزيادة", "بكلفة", "قائلاً", "السويد", "اليمن",
        "وتفاصيل الوقفة", "وردود الفعل", "ومسابقتي الأفلام", "افتقدوا الدقة", "بضغط عالٍ", "بضغط", "بعروض", "بيتي",
        "بلقب كأس", "بهدفين مقابل", "جدي لجوائز", "سيبدأ برنامجاً", "سيبدأ", "مؤتمراً صحافياً", "مهم", "واحد", "لجنة التحكيم",
        "صندوق إقليمي برأسمال", "صندوق إقليمي للتكيف", "شركة ناشئة", "شركة ناشئة محلية", "فرقة شابة", "فرقة وفناناً",
        "مكتبة ومسرحاً", "هيئة مستقلة لمراقبة المالية العامة", "حركة السفن", "حركة التجارة", "حركة الحافلات", "حركة الركاب",
        "حركة النشر المحلية", "وزارة الاقتصاد الخطوط العريضة", "بلدية الريان الهاكاثون",
    ];

    private static readonly Lazy<List<(string Article, DiscoveredEntity Entity)>> Found = new(() =>
        [.. SampleArticles.Load().SelectMany(a => EntityDiscoverer.Default.Discover(a.Input).Select(e => (a.ExternalId, e)))]);

    [Fact]
    public void Listing_covers_every_sample_article()
    {
        var lines = SampleArticles.Listing().ToList();
        if (Environment.GetEnvironmentVariable("NEWSMETA_DISCOVERY_LISTING") is { Length: > 0 } path)
        {
            File.WriteAllLines(path, lines);
        }

        TestContext.Current.TestOutputHelper?.WriteLine(string.Join('\n', lines));
        Assert.Equal(54, SampleArticles.Load().Count);
        Assert.NotEmpty(lines);
    }

    [Theory]
    [MemberData(nameof(NotNames))]
    public void Sample_articles_yield_no_entity_named_by_a_common_word(string notAName)
    {
        var key = ArabicNormalizer.Normalize(notAName);
        var hits = Found.Value.Where(f => f.Entity.Aliases.Prepend(f.Entity.Name).Any(n => ArabicNormalizer.Normalize(n) == key)).ToList();

        Assert.True(hits.Count == 0, string.Join("; ", hits.Select(h => $"{h.Article}: {h.Entity.TypeName} {h.Entity.Name}")));
    }

    [Theory]
    [InlineData("madar-2026-10-14-climate-summit-opens", "يوسف الحداد", DiscoveredType.Person)]
    [InlineData("madar-2026-10-14-climate-summit-opens", "منير العلي", DiscoveredType.Person)]
    [InlineData("madar-2026-10-14-climate-summit-opens", "صندوق الساحل للتكيف", DiscoveredType.Organization)]
    [InlineData("madar-2026-10-14-climate-summit-opens", "مصرف زهران المركزي", DiscoveredType.Organization)]
    [InlineData("madar-2026-10-14-climate-summit-opens", "الريان", DiscoveredType.Location)]
    [InlineData("shorouq-2026-06-22-wadi-salam-solar", "ليلى المنصوري", DiscoveredType.Person)]
    [InlineData("shorouq-2026-06-22-wadi-salam-solar", "جمعية مزارعي الوادي", DiscoveredType.Organization)]
    [InlineData("ofuq-2026-02-19-wadi-salam-protest", "عادل الشامي", DiscoveredType.Person)]
    [InlineData("ofuq-2026-02-25-startup-fund", "شركة سحاب للتقنية", DiscoveredType.Organization)]
    [InlineData("madar-2026-05-18-najma-cup-final", "إياد القاسم", DiscoveredType.Person)]
    public void Sample_articles_still_yield_their_real_names(string article, string name, DiscoveredType type)
    {
        var found = Found.Value.Where(f => f.Article == article).Select(f => f.Entity).ToList();

        Assert.Contains(found, e => e.Type == type && e.Aliases.Prepend(e.Name).Contains(name));
    }
}
