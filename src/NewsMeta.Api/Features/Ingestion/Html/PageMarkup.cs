using AngleSharp.Dom;

namespace NewsMeta.Api.Features.Ingestion.Html;

/// <summary>
/// What the page itself shows, the least trusted source: the h1 and the subtitle under it, the time
/// element, the byline, the figures with their captions and credits, the canonical link and the page's
/// language. Read before <see cref="PageFurniture"/> changes the page.
/// </summary>
internal sealed record PageMarkup
{
    private static readonly string[] SubtitleMarkers = ["subtitle", "sub title", "subheadline", "sub headline", "standfirst", "dek", "article summary", "lead"];
    private static readonly string[] BylineMarkers = ["author", "byline", "writer", "reporter", "correspondent", "author name"];
    private static readonly string[] CreditMarkers = ["credit", "copyright", "photographer", "photo credit", "image source", "source"];

    public string? Canonical { get; init; }
    public string? Title { get; init; }
    public string? DocumentTitle { get; init; }

    /// <summary>The other half of a title element such as "النهار الجديد - headline", when the h1 is the headline.</summary>
    public string? SiteName { get; init; }
    public string? Subtitle { get; init; }
    public DateTime? Published { get; init; }
    public DateTime? Modified { get; init; }
    public string? Language { get; init; }
    public IReadOnlyList<HtmlByline> Bylines { get; init; } = [];
    public IReadOnlyList<HtmlMedia> Media { get; init; } = [];

    public static PageMarkup Read(IDocument page, Uri? baseUri)
    {
        var article = page.QuerySelector("article") ?? page.QuerySelector("main") ?? page.Body ?? page.DocumentElement;
        var h1 = article.QuerySelector("h1") ?? page.QuerySelector("h1");
        var subtitle = page.QuerySelector("[itemprop='alternativeHeadline']")
            ?? article.QuerySelectorAll("h2, p, div").FirstOrDefault(e => PageMarkers.Has(e, SubtitleMarkers) && e.TextContent.Length < 400)
            ?? (h1?.NextElementSibling is { LocalName: "h2" } next ? next : null);
        var published = article.QuerySelector("[itemprop='datePublished']") ?? article.QuerySelector("time[datetime]") ?? page.QuerySelector("time[datetime]");
        var modified = article.QuerySelector("[itemprop='dateModified']");
        var headline = PageText.Text(h1);
        return new PageMarkup
        {
            SiteName = SiteNameOf(page.Title, headline),
            Canonical = PageText.Absolute(baseUri, page.QuerySelector("link[rel~='canonical' i]")?.GetAttribute("href")),
            Title = headline,
            DocumentTitle = PageText.Clean(page.Title),
            Subtitle = PageText.Text(subtitle),
            Published = PageText.Utc(published?.GetAttribute("datetime") ?? published?.GetAttribute("content")),
            Modified = PageText.Utc(modified?.GetAttribute("datetime") ?? modified?.GetAttribute("content")),
            Language = PageText.Language(page.DocumentElement.GetAttribute("lang")),
            Bylines = BylinesOf(article),
            Media = [.. Figures(article, baseUri), .. Players(article, baseUri)],
        };
    }

    private static string? SiteNameOf(string? documentTitle, string? headline)
    {
        var halves = documentTitle?.Split([" | ", " - ", " – ", " — ", ": "], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (halves is not { Length: 2 } || headline is null)
        {
            return null;
        }

        var key = PageText.Key(headline);
        return PageText.Key(halves[0]) == key ? PageText.Clean(halves[1]) : PageText.Key(halves[1]) == key ? PageText.Clean(halves[0]) : null;
    }

    private static List<HtmlByline> BylinesOf(IElement article)
    {
        var boxes = PageMarkers.Outermost(article.QuerySelectorAll("[itemprop='author'], [rel~='author']")
            .Concat(article.QuerySelectorAll("*").Where(e => PageMarkers.Has(e, BylineMarkers) && e.TextContent.Length < 200)));
        var bylines = new List<HtmlByline>();
        foreach (var box in boxes)
        {
            var text = PageText.Text(box.QuerySelector("[itemprop='name']")) ?? PageText.Text(box);
            var role = BylineRoles.FromLabel(text, "author");
            var linked = box.QuerySelectorAll("a, [itemprop='name']").Select(PageText.Text).OfType<string>().ToList();
            var names = linked.Count > 0 ? linked : [.. new[] { BylineRoles.WithoutLabel(text) }.OfType<string>()];
            bylines.AddRange(names.Select(n => new HtmlByline(n, role)));
        }

        return [.. bylines.DistinctBy(b => (PageText.Key(b.Name), b.Role))];
    }

    /// <summary>Figures: the picture, its alt text and size, the caption, and the credit (a marked element or a "تصوير:" / © line).</summary>
    private static IEnumerable<HtmlMedia> Figures(IElement article, Uri? baseUri)
    {
        foreach (var figure in article.QuerySelectorAll("figure"))
        {
            var img = figure.QuerySelector("img");
            var url = PageText.Absolute(baseUri, img?.GetAttribute("src") ?? img?.GetAttribute("data-src") ?? img?.GetAttribute("srcset")?.Split(' ', ',')[0]);
            if (img is null || url is null)
            {
                continue;
            }

            var caption = figure.QuerySelector("figcaption");
            var creditElement = caption?.QuerySelectorAll("*").FirstOrDefault(e => PageMarkers.Has(e, CreditMarkers) || e.LocalName is "small" or "cite");
            var credit = PageText.Text(creditElement);
            var captionText = PageText.Clean(creditElement is null ? caption?.TextContent : caption!.TextContent.Replace(creditElement.TextContent, " ", StringComparison.Ordinal));
            if (credit is null && captionText is not null && BylineRoles.SplitCredit(captionText) is { } split)
            {
                (captionText, credit) = split;
            }

            yield return new HtmlMedia("image", url, captionText, credit, PageText.Clean(img.GetAttribute("alt")),
                PageText.Dimension(img.GetAttribute("width")), PageText.Dimension(img.GetAttribute("height")), null);
        }
    }

    private static IEnumerable<HtmlMedia> Players(IElement article, Uri? baseUri) =>
        article.QuerySelectorAll("video, audio")
            .Select(p => (Kind: p.LocalName, Url: PageText.Absolute(baseUri, p.GetAttribute("src") ?? p.QuerySelector("source[src]")?.GetAttribute("src")),
                Type: p.QuerySelector("source[type]")?.GetAttribute("type")))
            .Where(p => p.Url is not null)
            .Select(p => new HtmlMedia(p.Kind, p.Url!, null, null, null, null, null, PageText.Clean(p.Type)));
}
