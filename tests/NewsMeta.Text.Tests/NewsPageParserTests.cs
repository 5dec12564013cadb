using NewsMeta.Text.Pages;

namespace NewsMeta.Text.Tests;

/// <summary>
/// Reading scraped news pages: the shared sample page, and variants written for these tests (invented
/// stories about Zahran and its city Al-Rayyan) that respell, reorder and drop its sections.
/// </summary>
public sealed class NewsPageParserTests
{
    private const string Nbsp = "\u00A0";
    private const string Tab = "\t";

    /// <summary>
    /// The shared sample page, read where it lives (../shared next to the repository), never copied
    /// into the repository. Tests that need it are skipped on a machine without it.
    /// </summary>
    private static string SamplePage()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Api.sln")))
            {
                var path = Path.Combine(dir.FullName, "..", "shared", "samples", "news-page.txt");
                if (File.Exists(path))
                {
                    return File.ReadAllText(path).ReplaceLineEndings("\n");
                }

                break;
            }
        }

        Assert.Skip("../shared/samples/news-page.txt is not on this machine.");
        return "";
    }

    private const string BulletsAndSpacingPage = $"""
        {Tab}أعلنت هيئة المياه في جمهورية زهران، صباح الأحد، بدء تشغيل محطة التحلية الجديدة على ساحل الريان.{Nbsp}

        وقالت مديرة المشروع ليلى الصافي إن المحطة ستوفر مياه الشرب لنحو مئتي ألف نسمة.
        {Nbsp}{Nbsp}
        وتأمل الهيئة أن تخفف المحطة الضغط على الآبار الجوفية {Tab}  خلال أشهر الصيف.



        أخبار ذات صلة: زهران توقع اتفاقاً لتطوير الموانئ الجنوبية ليلى الصافي تتسلم جائزة الهندسة المدنية المصدر： وكالة زهران للأنباء
        المصدر：{Nbsp}مجلة{Nbsp}الساحل
        كلمات دلالية :{Tab}هيئة المياه محطة التحلية ليلى الصافي

        إقرأ أيضًا
        {Tab}
        ميناء الريان يستقبل أول سفينة سياحية هذا الموسم
        رست في ميناء الريان صباح أمس سفينة سياحية تقل ألفي راكب.
        {Tab}وقال مدير الميناء إن الموسم يبشر بأعداد قياسية من الزوار.

        مقالات مشابهة:
          · ليلى الصافي تتسلم جائزة الهندسة المدنية
        -هيئة المياه ترفع أسعار الصهاريج في الصيف
        *{Tab}أمطار غزيرة تملأ سدود زهران
        ▪ الريان تطلق حملة لترشيد استهلاك المياه
        1. ميناء الريان يستقبل أول سفينة سياحية هذا الموسم
        ٢) مهندسو زهران يطورون مضخات تعمل بالطاقة الشمسية
        """;

    /// <summary>No related line; READ_ALSO_MARKER is replaced by each spelling of the read-also marker.</summary>
    private const string WithoutRelatedPage = """
        بدأت بلدية الريان حملة لزراعة عشرة آلاف شجرة على طول الكورنيش.
        وقالت المهندسة سلمى الحكيم إن الأشجار ستروى بمياه معالجة.

        المصدر: موقع الريان اليوم
        كلمات دلالية: سلمى الحكيم الكورنيش

        READ_ALSO_MARKER

        متطوعون ينظفون شاطئ الريان قبل موسم السباحة
        شارك مئات المتطوعين يوم الجمعة في تنظيف الشاطئ الشمالي.

        مقالات مشابهة
        - بلدية الريان تزرع أشجار النخيل في الحدائق العامة
        """;

    /// <summary>Publisher and keywords before the related line, no read-also, marker words inside prose.</summary>
    private const string PublisherFirstPage = """
        افتتحت جامعة الريان مختبراً جديداً لأبحاث الطاقة المتجددة بتمويل من حكومة زهران.
        وقال رئيس الجامعة كريم النجار إن المختبر سيستقبل أول دفعة من الباحثين في الخريف.
        اقرأ أيضاً التقرير الكامل عن المختبر في عدد الغد، فالمصدر الوحيد للتفاصيل هو الجامعة.

        المصدر: إذاعة زهران الرسمية

        كلمات دلالية: جامعة الريان الطاقة المتجددة كريم النجار

        أخبار ذات صلة كريم النجار يفوز بجائزة البحث العلمي حكومة زهران تخصص ميزانية للتعليم العالي المصدر: وكالة أنباء الجنوب

        مقالات مشابهة
        • حكومة زهران تخصص ميزانية للتعليم العالي
        • طلاب الريان يصممون سيارة تعمل بالهيدروجين
        """;

    /// <summary>Keywords the body does not contain: only the store can split them.</summary>
    private const string StoreKeywordsPage = """
        أعلن خفر السواحل في زهران إنقاذ طاقم قارب تعطل محركه قرب الجزر الشمالية.
        وأكد المتحدث أن جميع أفراد الطاقم بصحة جيدة.

        المصدر: صحيفة المرفأ
        كلمات دلالية: الحرسُ الساحلي الزهراني ميناء الريان القديم صيد الأسماك
        """;

    /// <summary>Three related titles; only the first and last are listed elsewhere on the page.</summary>
    private const string ThreeRelatedPage = """
        ناقش برلمان زهران مشروع قانون لحماية الأراضي الزراعية من الزحف العمراني.
        المصدر: جريدة الوادي الأخضر
        أخبار ذات صلة ليلى الصافي تتسلم جائزة الهندسة المدنية مزارعو زهران يشكون من قلة الأمطار هذا الشتاء أمطار غزيرة تملأ سدود زهران المصدر: وكالة زهران للأنباء
        مقالات مشابهة
        • أمطار غزيرة تملأ سدود زهران
        • ليلى الصافي تتسلم جائزة الهندسة المدنية
        """;

    /// <summary>Two related titles that nothing on the page lists.</summary>
    private const string UnlistedRelatedPage = """
        أطلقت وزارة الثقافة في زهران مهرجاناً للكتاب في ساحة الريان الكبرى.
        المصدر: مجلة الأدب الزهراني
        أخبار ذات صلة بلدية الريان تعيد ترميم المكتبة العامة وزارة الثقافة تكرم رواد المسرح الزهراني
        """;

    /// <summary>The publisher's name on the line after "المصدر:", the read-also title after "إقرأ أيضاً:".</summary>
    private const string SameLineTitlePage = """
        افتتح متحف زهران الوطني قاعة جديدة للمخطوطات النادرة.
        المصدر:
        نشرة الريان الثقافية
        إقرأ أيضاً: المتحف يمدد ساعات الزيارة في العطلة الصيفية
        وقالت إدارة المتحف إن القرار جاء استجابة لطلبات الزوار.
        """;

    /// <summary>Keywords the body only has with a clitic ("لبلدية", "وللمستشفى"), and explicit separators.</summary>
    private const string CliticKeywordsPage = """
        وصل وفد من وزارة الصحة الزهرانية إلى الريان لتفقد مبنى الطوارئ.
        وقدم الوفد الشكر لبلدية الريان وللمستشفى الجديد على حسن التنظيم.
        المصدر: نشرة الصحة
        كلمات دلالية: بلدية الريان المستشفى الجديد، وزارة الصحة الزهرانية | الريان
        """;

    private const string NoBodyPage = """
        أخبار ذات صلة زهران توقع اتفاقاً لتطوير الموانئ الجنوبية المصدر: وكالة زهران للأنباء
        المصدر: مجلة الساحل
        كلمات دلالية: الموانئ
        """;

    /// <summary>"المصدر" in prose, as the related line's agency and in the read-also article: none is the publisher.</summary>
    private const string NoPublisherPage = """
        المصدر الرئيسي لمياه الشرب في زهران هو الآبار الجوفية.
        وتقول هيئة المياه إن المخزون يكفي حتى نهاية الصيف.

        أخبار ذات صلة هيئة المياه ترفع أسعار الصهاريج في الصيف المصدر: وكالة زهران للأنباء
        كلمات دلالية: هيئة المياه الآبار الجوفية

        إقرأ أيضاً:
        أمطار غزيرة تملأ سدود زهران
        المصدر: صحيفة السدود
        """;

    private const string EmptyPublisherPage = """
        افتتح متحف زهران الوطني قاعة جديدة للمخطوطات النادرة.
        المصدر:
        كلمات دلالية: متحف زهران
        """;

    private static readonly string[] SampleRelated = ["بلدية الريان تفتتح جسراً جديداً فوق الوادي", "نور للنقل توقع عقداً لشراء حافلات كهربائية"];
    private static readonly string[] SampleKeywords = ["سامر الخطيب", "الحافلات الكهربائية", "بلدية الريان"];

    [Fact]
    public void Sample_page_is_read_into_all_its_parts()
    {
        var page = ParseReadable(SamplePage());

        Assert.Equal(5, page.BodyParagraphs.Count);
        Assert.StartsWith("أعلنت وزارة النقل في مدينة الريان الساحلية", page.BodyParagraphs[0], StringComparison.Ordinal);
        Assert.Equal("ورأى خبراء أن نجاح المشروع يعتمد على توفير محطات الشحن في الوقت المناسب، وأن \"نور للنقل\" تحتاج إلى دعم حكومي.", page.BodyParagraphs[4]);
        Assert.Equal("صحيفة الشروق اليومية", page.Publisher);
        Assert.Equal("وكالة الأنباء المحلية", page.Agency);
        Assert.Equal(SampleRelated, page.RelatedTitles);
        Assert.Equal(SampleKeywords, page.Keywords);
        var readAlso = Assert.IsType<ReadAlsoArticle>(page.ReadAlso);
        Assert.Equal("بلدية الريان تطلق تطبيقاً لمتابعة مواعيد الحافلات", readAlso.Title);
        Assert.Equal(3, readAlso.BodyParagraphs.Count);
        Assert.Equal("أطلقت بلدية الريان يوم الأحد تطبيقاً جديداً للهواتف الذكية يتيح للسكان متابعة مواعيد الحافلات لحظة بلحظة.", readAlso.BodyParagraphs[0]);
        Assert.Equal(
            [
                "نور للنقل توقع عقداً لشراء حافلات كهربائية",
                "الريان تستضيف معرضاً للسيارات الصديقة للبيئة",
                "بلدية الريان تطلق تطبيقاً لمتابعة مواعيد الحافلات",
                "سامر الخطيب: لا زيادة في أسعار التذاكر هذا العام",
            ],
            page.SimilarTitles);
    }

    [Fact]
    public void Store_names_do_not_cut_titles_and_the_store_is_asked_normalised_phrases()
    {
        var knowledge = new PhraseSet("بلدية الريان", "نور للنقل", "سامر الخطيب", "الريان", "وزارة النقل");

        var page = ParseReadable(SamplePage(), knowledge);

        Assert.Equal(SampleRelated, page.RelatedTitles);
        Assert.Equal(SampleKeywords, page.Keywords);
        Assert.NotEmpty(knowledge.Asked);
        Assert.All(knowledge.Asked, phrase => Assert.Equal(ArabicNormalizer.Normalize(phrase), phrase));
    }

    [Fact]
    public void Bullets_tabs_nbsp_full_width_colons_and_crlf_are_tolerated()
    {
        var page = ParseReadable(BulletsAndSpacingPage.ReplaceLineEndings("\r\n"));

        Assert.Equal(
            [
                "أعلنت هيئة المياه في جمهورية زهران، صباح الأحد، بدء تشغيل محطة التحلية الجديدة على ساحل الريان.",
                "وقالت مديرة المشروع ليلى الصافي إن المحطة ستوفر مياه الشرب لنحو مئتي ألف نسمة.",
                "وتأمل الهيئة أن تخفف المحطة الضغط على الآبار الجوفية خلال أشهر الصيف.",
            ],
            page.BodyParagraphs);
        Assert.Equal("مجلة الساحل", page.Publisher);
        Assert.Equal("وكالة زهران للأنباء", page.Agency);
        Assert.Equal(["زهران توقع اتفاقاً لتطوير الموانئ الجنوبية", "ليلى الصافي تتسلم جائزة الهندسة المدنية"], page.RelatedTitles);
        Assert.Equal(["هيئة المياه", "محطة التحلية", "ليلى الصافي"], page.Keywords);
        var readAlso = Assert.IsType<ReadAlsoArticle>(page.ReadAlso);
        Assert.Equal("ميناء الريان يستقبل أول سفينة سياحية هذا الموسم", readAlso.Title);
        Assert.Equal(
            ["رست في ميناء الريان صباح أمس سفينة سياحية تقل ألفي راكب.", "وقال مدير الميناء إن الموسم يبشر بأعداد قياسية من الزوار."],
            readAlso.BodyParagraphs);
        Assert.Equal(
            [
                "ليلى الصافي تتسلم جائزة الهندسة المدنية",
                "هيئة المياه ترفع أسعار الصهاريج في الصيف",
                "أمطار غزيرة تملأ سدود زهران",
                "الريان تطلق حملة لترشيد استهلاك المياه",
                "ميناء الريان يستقبل أول سفينة سياحية هذا الموسم",
                "مهندسو زهران يطورون مضخات تعمل بالطاقة الشمسية",
            ],
            page.SimilarTitles);
    }

    [Theory]
    [InlineData("إقرأ أيضاً:")]
    [InlineData("اقرأ أيضا")]
    [InlineData("اقرا ايضا")]
    [InlineData("إقرأ أيضًا：")]
    [InlineData("إقـرأ  أيضاً :")]
    [InlineData("• اقرأ أيضاً")]
    public void Read_also_marker_is_found_in_every_spelling_and_a_missing_related_line_is_fine(string marker)
    {
        var page = ParseReadable(WithoutRelatedPage.Replace("READ_ALSO_MARKER", marker, StringComparison.Ordinal));

        Assert.Equal(2, page.BodyParagraphs.Count);
        Assert.Equal("موقع الريان اليوم", page.Publisher);
        Assert.Null(page.Agency);
        Assert.Empty(page.RelatedTitles);
        Assert.Equal(["سلمى الحكيم", "الكورنيش"], page.Keywords);
        var readAlso = Assert.IsType<ReadAlsoArticle>(page.ReadAlso);
        Assert.Equal("متطوعون ينظفون شاطئ الريان قبل موسم السباحة", readAlso.Title);
        Assert.Equal(["شارك مئات المتطوعين يوم الجمعة في تنظيف الشاطئ الشمالي."], readAlso.BodyParagraphs);
        Assert.Equal(["بلدية الريان تزرع أشجار النخيل في الحدائق العامة"], page.SimilarTitles);
    }

    [Fact]
    public void Sections_in_another_order_without_read_also_are_read_and_marker_words_in_prose_stay_body()
    {
        var page = ParseReadable(PublisherFirstPage);

        Assert.Equal(3, page.BodyParagraphs.Count);
        Assert.StartsWith("اقرأ أيضاً التقرير الكامل", page.BodyParagraphs[2], StringComparison.Ordinal);
        Assert.Equal("إذاعة زهران الرسمية", page.Publisher);
        Assert.Equal("وكالة أنباء الجنوب", page.Agency);
        Assert.Equal(["كريم النجار يفوز بجائزة البحث العلمي", "حكومة زهران تخصص ميزانية للتعليم العالي"], page.RelatedTitles);
        Assert.Equal(["جامعة الريان", "الطاقة المتجددة", "كريم النجار"], page.Keywords);
        Assert.Null(page.ReadAlso);
        Assert.Equal(["حكومة زهران تخصص ميزانية للتعليم العالي", "طلاب الريان يصممون سيارة تعمل بالهيدروجين"], page.SimilarTitles);
    }

    [Fact]
    public void Keywords_the_body_does_not_attest_are_split_by_the_store_and_the_unknown_rest_stays_one_keyword()
    {
        var knowledge = new PhraseSet("الحرس الساحلي الزهراني", "ميناء الرّيان القديم");

        var page = ParseReadable(StoreKeywordsPage, knowledge);

        // Compared without tashkeel, returned as written on the page.
        Assert.Equal(["الحرسُ الساحلي الزهراني", "ميناء الريان القديم", "صيد الأسماك"], page.Keywords);
    }

    [Fact]
    public void Keywords_nothing_attests_are_kept_as_one_keyword_rather_than_split_per_word()
    {
        var page = ParseReadable(StoreKeywordsPage);

        Assert.Equal(["الحرسُ الساحلي الزهراني ميناء الريان القديم صيد الأسماك"], page.Keywords);
    }

    [Fact]
    public void Body_attests_keywords_through_clitics_and_explicit_separators_always_split()
    {
        var page = ParseReadable(CliticKeywordsPage);

        Assert.Equal(["بلدية الريان", "المستشفى الجديد", "وزارة الصحة الزهرانية", "الريان"], page.Keywords);
    }

    [Fact]
    public void An_unknown_title_between_known_titles_is_kept_whole()
    {
        var page = ParseReadable(ThreeRelatedPage);

        Assert.Equal(
            ["ليلى الصافي تتسلم جائزة الهندسة المدنية", "مزارعو زهران يشكون من قلة الأمطار هذا الشتاء", "أمطار غزيرة تملأ سدود زهران"],
            page.RelatedTitles);
        Assert.Equal("وكالة زهران للأنباء", page.Agency);
        Assert.Null(page.ReadAlso);
    }

    [Fact]
    public void Related_titles_are_split_on_a_title_the_store_knows_and_by_headline_grammar_otherwise()
    {
        const string First = "بلدية الريان تعيد ترميم المكتبة العامة";
        const string Second = "وزارة الثقافة تكرم رواد المسرح الزهراني";

        var withTitle = ParseReadable(UnlistedRelatedPage, new PhraseSet("بلدية الريان", "وزارة الثقافة", Second));
        var namesOnly = ParseReadable(UnlistedRelatedPage, new PhraseSet("بلدية الريان", "وزارة الثقافة"));
        var nothing = ParseReadable(UnlistedRelatedPage);

        Assert.Equal([First, Second], withTitle.RelatedTitles);

        // Grammar is the last signal: both pieces read as headlines ("وزارة الثقافة" + verb), so the line is cut.
        Assert.Equal([First, Second], namesOnly.RelatedTitles);
        Assert.Equal([First, Second], nothing.RelatedTitles);
        Assert.Null(nothing.Agency);
    }

    [Fact]
    public void Publisher_name_may_follow_on_the_next_line_and_read_also_title_may_follow_its_marker()
    {
        var page = ParseReadable(SameLineTitlePage);

        Assert.Equal(["افتتح متحف زهران الوطني قاعة جديدة للمخطوطات النادرة."], page.BodyParagraphs);
        Assert.Equal("نشرة الريان الثقافية", page.Publisher);
        var readAlso = Assert.IsType<ReadAlsoArticle>(page.ReadAlso);
        Assert.Equal("المتحف يمدد ساعات الزيارة في العطلة الصيفية", readAlso.Title);
        Assert.Equal(["وقالت إدارة المتحف إن القرار جاء استجابة لطلبات الزوار."], readAlso.BodyParagraphs);
        Assert.Empty(page.SimilarTitles);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" \n\t\n\u00A0\n")]
    [InlineData(NoBodyPage)]
    public void A_page_without_body_paragraphs_is_unreadable(string text) =>
        AssertUnreadable(NewsPageParser.Parse(text), "body");

    [Theory]
    [InlineData(NoPublisherPage)]
    [InlineData(EmptyPublisherPage)]
    public void A_page_without_a_publisher_line_is_unreadable(string text) =>
        AssertUnreadable(NewsPageParser.Parse(text), "publisher");

    private static NewsPage ParseReadable(string text, IPhraseKnowledge? knowledge = null)
    {
        var result = NewsPageParser.Parse(text, knowledge);
        Assert.Null(result.Error);
        Assert.Null(result.MissingPart);
        return Assert.IsType<NewsPage>(result.Page);
    }

    private static void AssertUnreadable(NewsPageResult result, string missingPart)
    {
        Assert.Null(result.Page);
        Assert.Equal(missingPart, result.MissingPart);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
    }

    private static void AssertSamePage(NewsPage expected, NewsPage actual)
    {
        Assert.Equal(expected.BodyParagraphs, actual.BodyParagraphs);
        Assert.Equal(expected.Publisher, actual.Publisher);
        Assert.Equal(expected.Agency, actual.Agency);
        Assert.Equal(expected.RelatedTitles, actual.RelatedTitles);
        Assert.Equal(expected.Keywords, actual.Keywords);
        Assert.Equal(expected.ReadAlso?.Title, actual.ReadAlso?.Title);
        Assert.Equal(expected.ReadAlso?.BodyParagraphs ?? [], actual.ReadAlso?.BodyParagraphs ?? []);
        Assert.Equal(expected.SimilarTitles, actual.SimilarTitles);
    }

    /// <summary>A store that knows a fixed set of phrases and records what it was asked.</summary>
    private sealed class PhraseSet(params string[] phrases) : IPhraseKnowledge
    {
        private readonly HashSet<string> known = phrases.Select(ArabicNormalizer.Normalize).ToHashSet(StringComparer.Ordinal);

        public List<string> Asked { get; } = [];

        public bool IsKnownPhrase(string normalizedPhrase)
        {
            Asked.Add(normalizedPhrase);
            return known.Contains(normalizedPhrase);
        }
    }
}
