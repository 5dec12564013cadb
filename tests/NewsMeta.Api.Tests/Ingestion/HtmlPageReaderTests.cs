using NewsMeta.Api.Features.Ingestion.Html;

namespace NewsMeta.Api.Tests.Ingestion;

/// <summary>The HTML page reader on the invented pages of Ingestion/HtmlPages, without the service.</summary>
public sealed class HtmlPageReaderTests
{
    private static readonly string[] Noise = ["إعلان", "اقرأ أيضاً", "الأكثر", "جميع الحقوق", "شارك", "بقلم", "كلمات دلالية", "الوسوم", "اشترك", "تعليق", "ملفات تعريف", "قوارب للبيع", "تصوير"];

    [Fact]
    public void JsonLd_page_gives_title_subtitle_utc_times_bylines_lead_picture_sections_tags_body_and_links()
    {
        var page = HtmlTestPages.Read("alwaha-jsonld.html", null);

        Assert.Equal("الريان تفتتح أكبر محطة لتحلية المياه في الساحل الشمالي", page.Title); // JSON-LD over og:title
        Assert.Equal("المحطة تغطي حاجة ربع السكان في أشهر الصيف", page.Subtitle);
        Assert.Equal("افتتحت هيئة المياه في الريان محطة تحلية تنتج مئة ألف متر مكعب يومياً.", page.Summary);
        Assert.Equal(new DateTime(2026, 11, 24, 9, 30, 0, DateTimeKind.Utc), page.PublishedAt); // 12:30+03:00, not og's 10:00
        Assert.Equal(DateTimeKind.Utc, page.PublishedAt!.Value.Kind);
        Assert.Equal(new DateTime(2026, 11, 24, 12, 5, 0, DateTimeKind.Utc), page.UpdatedAt);
        Assert.Equal("https://alwaha.example/akhbar/mahalli/2026/11/24/rayyan-desalination", page.CanonicalUrl); // the canonical link, not og:url with its tracking
        Assert.Equal(("جريدة الواحة", "ar"), (page.Publisher, page.Language));
        Assert.Equal([new HtmlByline("سلمى الرفاعي", "author"), new HtmlByline("مازن العبدالله", "editor"), new HtmlByline("خالد يوسف", "photographer")], page.Bylines);
        Assert.Equal(new HtmlMedia("image", "https://cdn.alwaha.example/img/2026/11/desal-plant.jpg", "خزانات المحطة الجديدة على الساحل الشمالي للريان",
            "تصوير: خالد يوسف", "خزانات بيضاء كبيرة قرب البحر", 1200, 800, "image/jpeg"), Assert.Single(page.Media));
        Assert.Equal(["أخبار/محليات"], page.Sections); // articleSection, its path from the breadcrumb
        Assert.Equal(["هيئة المياه", "محطة التحلية", "رامي القاسم", "الريان", "تحلية المياه"], page.Keywords); // JSON-LD, then the tag list
        Assert.Equal(4, page.Paragraphs.Count);
        Assert.StartsWith("افتتحت هيئة المياه في مدينة الريان صباح اليوم", page.Paragraphs[0], StringComparison.Ordinal);
        Assert.StartsWith("ويعاني سكان الأحياء الشمالية", page.Paragraphs[3], StringComparison.Ordinal);
        AssertClean(page);
        Assert.Equal(
            [new HtmlPageLink("انقطاع المياه عن الأحياء الشمالية يومين", "https://alwaha.example/akhbar/mahalli/2026/09/14/water-cuts"),
             new HtmlPageLink("سحاب للتقنية تفوز بعقد المراقبة الرقمية", "https://alwaha.example/iqtisad/2026/08/30/sahab-contract")],
            page.Related);
        Assert.Equal([new HtmlPageLink("هيئة المياه تعلن تعرفة جديدة للاستهلاك المنزلي", "https://alwaha.example/akhbar/mahalli/2026/10/02/water-tariffs")], page.ReadAlso);
    }

    [Fact]
    public void OpenGraph_only_page_gives_its_time_in_utc_author_picture_section_tags_and_resolves_relative_links()
    {
        var page = HtmlTestPages.Read("alrabea-opengraph.html", null);

        Assert.Equal("مزارعو وادي السدر يبدؤون موسم قطف الزيتون مبكراً", page.Title);
        Assert.Equal(new DateTime(2026, 10, 18, 4, 45, 0, DateTimeKind.Utc), page.PublishedAt);
        Assert.Equal("https://alrabea.example/ar/zira3a/olive-harvest-2026", page.CanonicalUrl);
        Assert.Equal(("الربيع نت", "ar"), (page.Publisher, page.Language));
        Assert.Equal([new HtmlByline("نور الحداد", "author")], page.Bylines); // meta author; article:author is a profile URL
        Assert.Equal(new HtmlMedia("image", "https://alrabea.example/media/2026/10/olive-harvest.jpg", null, null, "مزارع يقطف الزيتون في وادي السدر", 1024, 683, "image/jpeg"), Assert.Single(page.Media));
        Assert.Equal(["زراعة"], page.Sections);
        Assert.Equal(["الزيتون", "وادي السدر"], page.Keywords);
        Assert.Equal(4, page.Paragraphs.Count);
        AssertClean(page);
        Assert.Equal(["https://alrabea.example/ar/zira3a/irrigation-plan", "https://alrabea.example/ar/zira3a/olive-oil-prices"], page.Related.Select(l => l.Url));
    }

    [Fact]
    public void Several_related_blocks_become_one_list_in_page_order_without_the_most_read_box()
    {
        var page = HtmlTestPages.Read("almarsad-related-blocks.html", null);

        Assert.Equal(
            ["https://almarsad.example/iqtisad/inflation-november", "https://almarsad.example/iqtisad/currency-stable",
             "https://almarsad.example/iqtisad/banks-lending", "https://almarsad.example/iqtisad/energy-prices"],
            page.Related.Select(l => l.Url)); // <base href> resolves them; the link two blocks share is there once
        Assert.DoesNotContain(page.Related, l => l.Title.Contains("المنتخب", StringComparison.Ordinal));
        Assert.Equal(new DateTime(2026, 12, 1, 14, 20, 0, DateTimeKind.Utc), page.PublishedAt);
        Assert.Equal([new HtmlByline("عمر السعدي", "author"), new HtmlByline("ليلى منصور", "author"), new HtmlByline("هدى سليم", "translator")], page.Bylines);
        Assert.Equal(("مقر البنك المركزي في العاصمة", "وكالة زهران للأنباء"), (page.Media[0].Caption, page.Media[0].Credit));
        Assert.Equal("https://img.almarsad.example/2026/12/governor.jpg", page.Media[1].Url);
        Assert.Equal(["اقتصاد/بنوك", "أسواق"], page.Sections);
        Assert.Equal(["البنك المركزي", "أسعار الفائدة", "التضخم"], page.Keywords); // split at the Arabic comma
        Assert.Equal(4, page.Paragraphs.Count);
        AssertClean(page);
    }

    [Fact]
    public void Page_without_metadata_gives_its_own_subtitle_byline_time_breadcrumb_tags_and_the_inline_read_also_link()
    {
        var page = HtmlTestPages.Read("alnahar-read-also.html", "https://alnahar-jadid.example/thaqafa/kutub/maktaba-mina");

        Assert.Equal("افتتاح المكتبة العامة في حي الميناء بعد ترميمها", page.Title);
        Assert.Equal("ثلاثون ألف كتاب وقاعة للأطفال ومقهى للقراءة", page.Subtitle);
        Assert.Equal(new DateTime(2026, 9, 5, 15, 0, 0, DateTimeKind.Utc), page.PublishedAt);
        Assert.Equal([new HtmlByline("جاد الخوري", "author")], page.Bylines); // "كتب:" is the label, not the name
        Assert.Equal("النهار الجديد", page.Publisher); // the title element's other half
        Assert.Equal("ar", page.Language); // ar-LB
        Assert.Equal(["ثقافة/كتب"], page.Sections);
        Assert.Equal(["المكتبة العامة", "حي الميناء", "منى الحسيني"], page.Keywords);
        Assert.Equal([new HtmlPageLink("أرشيف الصحف القديمة يتحول إلى منصة رقمية", "https://alnahar-jadid.example/thaqafa/old-newspapers-archive")], page.ReadAlso);
        Assert.Empty(page.Related);
        Assert.Equal(4, page.Paragraphs.Count);
        Assert.DoesNotContain(page.Paragraphs, p => p.Contains("أرشيف الصحف القديمة يتحول", StringComparison.Ordinal));
        AssertClean(page);
    }

    [Fact]
    public void Noisy_windows_1256_page_keeps_only_the_article_and_merges_the_figure_into_the_json_ld_picture()
    {
        var page = HtmlTestPages.Read("alsahel-noisy-windows1256.html", "https://alsahel.example/bahr/2026/07/port-research-ship");

        Assert.Equal("ميناء الريان يستقبل أول سفينة أبحاث بحرية", page.Title);
        Assert.Equal(new DateTime(2026, 7, 12, 12, 15, 0, DateTimeKind.Utc), page.PublishedAt); // -04:00
        Assert.Equal(3, page.Paragraphs.Count);
        Assert.StartsWith("استقبل ميناء الريان صباح اليوم", page.Paragraphs[0], StringComparison.Ordinal);
        AssertClean(page);
        Assert.Equal(new HtmlMedia("image", "https://alsahel.example/photos/research-ship.jpg", "سفينة الأبحاث لدى وصولها إلى ميناء الريان",
            "تصوير: وكالة زهران للأنباء", "سفينة بيضاء في الميناء", 960, 640, null), Assert.Single(page.Media));
        Assert.Equal(["بحر"], page.Sections);
        Assert.Empty(page.Keywords);
        Assert.Empty(page.Related);
    }

    [Fact]
    public void Section_front_without_an_article_is_no_article()
    {
        var reading = HtmlPageReader.Read(HtmlTestPages.Text("alnoor-section-front.html"), "https://alnoor.example/riyada");
        Assert.Null(reading.Article);
        Assert.Equal("body", reading.MissingPart);
        Assert.Contains("no article", reading.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_ld_falls_back_to_the_meta_tags_and_bidi_controls_are_cleaned()
    {
        var body = string.Concat(Enumerable.Repeat("<p>جملة طويلة بما يكفي من نص الخبر عن افتتاح سوق جديدة في وسط المدينة القديمة.</p>", 4));
        var html = $"""
            <html><head><script type="application/ld+json">{"{"}"@type": "NewsArticle", "headline": </script>
            <meta property="og:title" content="سوق جديدة&#x202E; في المدينة"><meta property="og:site_name" content="الموقع">
            <meta property="article:published_time" content="2026-05-01T10:00:00+01:00"></head>
            <body><article><h1>عنوان الصفحة</h1>{body}</article></body></html>
            """;
        var page = HtmlPageReader.Read(html, "https://site.example/a").Article!;
        Assert.Equal("سوق جديدة في المدينة", page.Title);
        Assert.Equal(new DateTime(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc), page.PublishedAt);
    }

    [Theory]
    [InlineData(200_000)] // unchecked, this overflowed the stack while parsing and ended the process
    [InlineData(1_000)] // under the markup scan's limit: the parsed tree is walked and refused
    public void Page_nested_deeper_than_any_news_page_is_refused(int depth)
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) + "<p>" + new string('ن', 500) + "</p>" + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>";
        var reading = HtmlPageReader.Read(html, "https://site.example/deep");
        Assert.Null(reading.Article);
        Assert.Contains("nest more than", reading.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_text_and_unclosed_paragraphs_do_not_count_as_nesting()
    {
        var script = "<script>var s = \"" + string.Concat(Enumerable.Repeat("<div>", 5_000)) + "\";</script>";
        var paragraphs = string.Concat(Enumerable.Repeat("<p>فقرة من نص الخبر عن افتتاح سوق جديدة في وسط المدينة القديمة", 3_000));
        var reading = HtmlPageReader.Read($"<html><head>{script}<title>سوق</title></head><body><article><h1>سوق جديدة</h1>{paragraphs}</article></body></html>", "https://site.example/a");
        Assert.NotNull(reading.Article);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("windows-1256")]
    public void Page_bytes_are_read_in_the_declared_charset(string? header)
    {
        var text = HtmlPageBytes.Decode(HtmlTestPages.Bytes("alsahel-noisy-windows1256.html"), header);
        Assert.Contains("ميناء الريان يستقبل أول سفينة أبحاث بحرية", text, StringComparison.Ordinal);
    }

    private static void AssertClean(HtmlPageArticle page)
    {
        foreach (var paragraph in page.Paragraphs)
        {
            Assert.DoesNotContain(Noise, n => paragraph.Contains(n, StringComparison.Ordinal));
            Assert.NotEqual(page.Title, paragraph);
        }
    }
}
