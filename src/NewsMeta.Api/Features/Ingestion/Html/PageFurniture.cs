using AngleSharp.Dom;

namespace NewsMeta.Api.Features.Ingestion.Html;

/// <summary>
/// The page around the article. What is worth keeping is read first and then taken out of the page:
/// tag lists (keywords), related-article lists (related links), inline "read also" boxes (readAlso links)
/// and breadcrumbs (a section path). Then the rest is removed without a trace: navigation, headers,
/// footers, ads, share bars, "most read" boxes, newsletters and comments, so the readable body that
/// <see cref="ReadableBody"/> finds is the article alone.
/// </summary>
internal sealed class PageFurniture
{
    private static readonly string[] ReadAlsoMarkers = ["read also", "readalso", "also read", "inline related"];
    private static readonly string[] MostReadMarkers = ["most read", "mostread", "most viewed", "popular", "trending", "top stories"];
    private static readonly string[] TagMarkers = ["tags", "tag list", "taglist", "keywords", "topics"];
    private static readonly string[] RelatedMarkers = ["related", "more news", "similar", "see also", "recommended", "also like"];
    private static readonly string[] BreadcrumbMarkers = ["breadcrumb", "breadcrumbs"];
    private static readonly string[] NoiseMarkers =
    [
        "ad", "ads", "advert", "advertisement", "adsbygoogle", "banner", "sponsor", "sponsored", "promo", "share", "sharing", "social",
        "newsletter", "subscribe", "comments", "comment", "cookie", "cookies", "menu", "navbar", "footer", "header", "sidebar", "widget",
    ];

    private static readonly IReadOnlyCollection<string> ReadAlsoPhrases = PageMarkers.Phrases("اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضاً", "اقرأ كذلك", "شاهد أيضا", "Read also");
    private static readonly IReadOnlyCollection<string> MostReadPhrases = PageMarkers.Phrases("الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تداولاً", "الأكثر شعبية", "الأكثر تعليقاً", "Most read");
    private static readonly IReadOnlyCollection<string> TagPhrases = PageMarkers.Phrases("كلمات دلالية", "كلمات مفتاحية", "الوسوم", "وسوم", "الكلمات الدلالية", "Tags");
    private static readonly IReadOnlyCollection<string> RelatedPhrases = PageMarkers.Phrases("أخبار ذات صلة", "مواضيع ذات صلة", "مقالات ذات صلة", "أخبار متعلقة", "مواضيع متعلقة", "قد يهمك", "قد يعجبك", "أخبار مشابهة", "Related");
    private static readonly IReadOnlyCollection<string> HomePhrases = PageMarkers.Phrases("الرئيسية", "الصفحة الرئيسية", "Home");

    public List<string> Keywords { get; } = [];
    public List<HtmlPageLink> Related { get; } = [];
    public List<HtmlPageLink> ReadAlso { get; } = [];
    public List<string> Breadcrumb { get; } = [];

    /// <summary>Reads the furniture out of <paramref name="page"/> and removes it and the noise (the document is changed).</summary>
    public static PageFurniture Strip(IDocument page, Uri? baseUri)
    {
        var furniture = new PageFurniture();
        var root = page.Body ?? page.DocumentElement;
        foreach (var element in root.QuerySelectorAll("script, style, noscript, template, iframe, form, svg, button, input, select").ToList())
        {
            element.Remove();
        }

        // Order matters: a "read also" box sits inside the article, a "most read" box is a list of links that
        // must not pass for related articles, and the noise sweep last takes whatever holds the rest.
        foreach (var box in Boxes(root, BreadcrumbMarkers, []).Concat(root.QuerySelectorAll("[itemtype*='BreadcrumbList' i], nav[aria-label*='breadcrumb' i]")))
        {
            var items = box.QuerySelectorAll("li").Select(PageText.Text).ToList() is { Count: > 0 } li ? li : box.QuerySelectorAll("a, span").Select(PageText.Text).ToList();
            if (furniture.Breadcrumb.Count == 0)
            {
                furniture.Breadcrumb.AddRange(items.OfType<string>().Where(i => !PageMarkers.HeadedBy(PageText.Key(i), HomePhrases)).Distinct());
            }

            box.Remove();
        }

        foreach (var box in PageMarkers.Outermost(ReadAlsoBoxes(root)))
        {
            furniture.ReadAlso.AddRange(Links(box, baseUri).Take(1));
            box.Remove();
        }

        foreach (var box in Boxes(root, MostReadMarkers, MostReadPhrases))
        {
            box.Remove();
        }

        foreach (var box in Boxes(root, TagMarkers, TagPhrases).Concat(root.QuerySelectorAll("a[rel~='tag']")).ToList())
        {
            var names = box.LocalName == "a" ? [PageText.Text(box)] : box.QuerySelectorAll("a").Select(PageText.Text).ToList() is { Count: > 0 } linked ? linked : box.QuerySelectorAll("li").Select(PageText.Text).ToList();
            furniture.Keywords.AddRange(names.OfType<string>().Where(n => !PageMarkers.HeadedBy(PageText.Key(n), TagPhrases)));
            box.Remove();
        }

        foreach (var box in Boxes(root, RelatedMarkers, RelatedPhrases))
        {
            furniture.Related.AddRange(Links(box, baseUri));
            box.Remove();
        }

        var noise = root.QuerySelectorAll("nav, header, footer, aside, [role='navigation'], [role='banner'], [role='contentinfo'], [role='complementary'], [aria-hidden='true']")
            .Where(e => e.QuerySelector("h1") is null || e.LocalName != "header")
            .Concat(root.QuerySelectorAll("*").Where(e => PageMarkers.Has(e, NoiseMarkers) && !PageMarkers.IsProse(e) && !IsFrame(e)));
        foreach (var element in PageMarkers.Outermost(noise))
        {
            element.Remove();
        }

        var keywords = furniture.Keywords.DistinctBy(PageText.Key).ToList();
        furniture.Keywords.Clear();
        furniture.Keywords.AddRange(keywords);
        return furniture;
    }

    /// <summary>Boxes marked by class or id, or headed by one of the phrases; never the page's own frame, never prose.</summary>
    private static List<IElement> Boxes(IElement root, string[] markers, IReadOnlyCollection<string> phrases)
    {
        var marked = root.QuerySelectorAll("*").Where(e => PageMarkers.Has(e, markers) && !IsFrame(e) && !PageMarkers.IsProse(e));
        var headed = root.QuerySelectorAll("h2, h3, h4, h5, h6, [class*='title' i], strong")
            .Where(h => h.TextContent.Length < 80 && PageMarkers.HeadedBy(PageText.Key(h.TextContent), phrases))
            .Select(h => BoxOf(h))
            .OfType<IElement>();
        var boxes = PageMarkers.Outermost(marked.Concat(headed));
        var order = root.QuerySelectorAll("*").Select((e, i) => (e, i)).ToDictionary(p => p.e, p => p.i);
        return [.. boxes.OrderBy(b => order.GetValueOrDefault(b, int.MaxValue))];
    }

    /// <summary>
    /// The box a heading heads: the nearest container around it that holds links. When the heading stands
    /// directly in the article, the list after it is the box (and the heading goes with it).
    /// </summary>
    private static IElement? BoxOf(IElement heading)
    {
        for (var box = heading.ParentElement; box is not null && !IsFrame(box) && !PageMarkers.IsProse(box); box = box.ParentElement)
        {
            if (box.QuerySelector("a[href]") is not null)
            {
                return box;
            }
        }

        if (heading.NextElementSibling is { LocalName: "ul" or "ol" or "div" } list)
        {
            heading.Remove();
            return list;
        }

        return null;
    }

    private static IEnumerable<IElement> ReadAlsoBoxes(IElement root) =>
        root.QuerySelectorAll("*").Where(e => PageMarkers.Has(e, ReadAlsoMarkers) && !IsFrame(e))
            .Concat(root.QuerySelectorAll("p, div, aside, blockquote, section")
                .Where(e => e.TextContent.Length < 300 && e.QuerySelectorAll("a[href]").Length is 1 or 2
                    && PageMarkers.HeadedBy(PageText.Key(e.TextContent), ReadAlsoPhrases)));

    /// <summary>Links with a title and an absolute http(s) URL, each URL once.</summary>
    private static IEnumerable<HtmlPageLink> Links(IElement box, Uri? baseUri) =>
        box.QuerySelectorAll("a[href]")
            .Select(a => (Title: PageText.Text(a), Url: PageText.Absolute(baseUri, a.GetAttribute("href"))))
            .Where(l => l.Title is not null && l.Url is not null && !PageMarkers.HeadedBy(PageText.Key(l.Title), ReadAlsoPhrases))
            .Select(l => new HtmlPageLink(l.Title!, l.Url!))
            .DistinctBy(l => l.Url);

    /// <summary>The page's frame: html, body, main and article are never furniture, whatever their class says.</summary>
    private static bool IsFrame(IElement element) => element.LocalName is "html" or "body" or "main" or "article";
}
