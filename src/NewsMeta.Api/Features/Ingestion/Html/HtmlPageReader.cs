using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NewsMeta.Api.Features.Ingestion.Html;

/// <summary>What reading a page gave: the article, or the part it lacks ("body", "title") and why.</summary>
public sealed record HtmlPageReading(HtmlPageArticle? Article, string? MissingPart, string? Error);

/// <summary>
/// Reads a whole HTML news page into an <see cref="HtmlPageArticle"/>. AngleSharp parses the page as a
/// browser would (broken markup included) into the DOM every part below reads. Metadata is taken field by
/// field in order of trust: schema.org NewsArticle JSON-LD (<see cref="JsonLdNewsArticle"/>), then OpenGraph and
/// article:* meta tags (<see cref="OpenGraphMeta"/>), then the page itself (<see cref="PageMarkup"/>). The
/// furniture is read and taken out (<see cref="PageFurniture"/>) before the readable body is found
/// (<see cref="ReadableBody"/>). Pure: no database, no network.
/// </summary>
public static class HtmlPageReader
{
    private static readonly string[] ShownMetaMarkers = ["date", "time", "timestamp", "dateline", "article meta", "post meta", "meta", "author", "byline"];

    public static HtmlPageReading Read(string html, string? url)
    {
        var tooDeep = new HtmlPageReading(null, "body", $"The page has no readable article: its elements nest more than {PageDepth.MaxDepth} levels deep, which no news page does.");
        if (PageDepth.MarkupExceeds(html, PageDepth.MaxMarkupDepth))
        {
            return tooDeep;
        }

        var page = new HtmlParser().ParseDocument(html);
        if (PageDepth.Exceeds(page.DocumentElement, PageDepth.MaxDepth))
        {
            return tooDeep;
        }

        var given = Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u : null;
        var declared = new[] { page.QuerySelector("link[rel~='canonical' i]")?.GetAttribute("href"), page.QuerySelector("meta[property='og:url' i]")?.GetAttribute("content") }
            .Select(href => Uri.TryCreate(href?.Trim(), UriKind.Absolute, out var d) && d.Scheme is "http" or "https" ? d : null).FirstOrDefault(d => d is not null);
        var pageUri = given ?? declared;
        var baseUri = PageText.Absolute(pageUri, page.QuerySelector("base[href]")?.GetAttribute("href")) is { } b ? new Uri(b) : pageUri;

        var jsonLd = JsonLdNewsArticle.Read(page, baseUri);
        var meta = OpenGraphMeta.Read(page, baseUri);
        var markup = PageMarkup.Read(page, baseUri);
        var furniture = PageFurniture.Strip(page, baseUri);

        // What the page showed as metadata is not body text.
        var shown = page.QuerySelectorAll("h1, [itemprop='alternativeHeadline'], [itemprop='author']")
            .Concat(page.QuerySelectorAll("time").Where(t => t.Closest("p, li, blockquote") is null))
            .Concat(page.QuerySelectorAll("*").Where(e => PageMarkers.Has(e, ShownMetaMarkers) && e.TextContent.Length < 200 && e.LocalName is not ("body" or "article" or "main")));
        foreach (var element in PageMarkers.Outermost(shown))
        {
            element.Remove();
        }

        var title = jsonLd.Headline ?? meta.Title ?? markup.Title ?? markup.DocumentTitle;
        var subtitle = jsonLd.AlternativeHeadline ?? markup.Subtitle;
        var paragraphs = ReadableBody.Read(page, pageUri?.AbsoluteUri ?? "https://localhost/")
            .Where(p => PageText.Key(p) != PageText.Key(title) && PageText.Key(p) != PageText.Key(subtitle)).ToList();
        if (paragraphs.Count == 0)
        {
            return new HtmlPageReading(null, "body", $"The page has no article: no readable article text was found (at least {ReadableBody.MinArticleCharacters} characters of paragraphs outside navigation, lists of links and boilerplate).");
        }

        if (title is null)
        {
            return new HtmlPageReading(null, "title", "The page has no article title: no JSON-LD headline, og:title, h1 or title element.");
        }

        var canonical = markup.Canonical ?? meta.Url ?? jsonLd.Url ?? given?.AbsoluteUri;
        var media = PageMedia.Merge(jsonLd.Media, meta.Media, markup.Media);
        return new HtmlPageReading(new HtmlPageArticle
        {
            CanonicalUrl = canonical,
            Title = title,
            Subtitle = subtitle,
            Summary = jsonLd.Description ?? meta.Description,
            PublishedAt = jsonLd.DatePublished ?? meta.PublishedTime ?? markup.Published,
            UpdatedAt = jsonLd.DateModified ?? meta.ModifiedTime ?? markup.Modified,
            Language = jsonLd.Language ?? meta.Language ?? markup.Language,
            Publisher = jsonLd.Publisher ?? meta.SiteName ?? markup.SiteName ?? (canonical is null ? null : new Uri(canonical).Host),
            Bylines = Bylines(jsonLd, meta, markup, media),
            Media = media,
            Sections = PageSections.From(jsonLd.Sections.Count > 0 ? jsonLd.Sections : meta.Sections, jsonLd.Breadcrumb.Count > 0 ? jsonLd.Breadcrumb : furniture.Breadcrumb, title),
            Keywords = Keywords(jsonLd, meta, furniture),
            Paragraphs = paragraphs,
            Related = [.. furniture.Related.Where(l => l.Url != canonical).DistinctBy(l => l.Url).Take(ArticleRecordValidator.MaxListItems / 2)],
            ReadAlso = [.. furniture.ReadAlso.Where(l => l.Url != canonical).DistinctBy(l => l.Url).Take(ArticleRecordValidator.MaxListItems / 2)],
        }, null, null);
    }

    /// <summary>
    /// The most trusted source that names an author gives the authors; the page adds the other roles it shows,
    /// and a picture credited "تصوير: …" adds its photographer.
    /// </summary>
    private static List<HtmlByline> Bylines(JsonLdNewsArticle jsonLd, OpenGraphMeta meta, PageMarkup markup, IReadOnlyList<HtmlMedia> media)
    {
        var bylines = new List<HtmlByline>(jsonLd.Bylines);
        if (!bylines.Any(b => b.Role == "author"))
        {
            bylines.AddRange(meta.Authors.Select(a => new HtmlByline(a, "author")));
        }

        var authored = bylines.Any(b => b.Role == "author");
        bylines.AddRange(markup.Bylines.Where(b => !authored || b.Role != "author"));
        bylines.AddRange(media.Select(m => m.Credit).OfType<string>()
            .Where(credit => BylineRoles.FromLabel(credit, "other") == "photographer")
            .Select(credit => BylineRoles.WithoutLabel(credit)).OfType<string>()
            .Select(name => new HtmlByline(name, "photographer")));
        return [.. bylines.Where(b => b.Name.Length <= ArticleRecordValidator.MaxName).DistinctBy(b => (PageText.Key(b.Name), b.Role))];
    }

    private static List<string> Keywords(JsonLdNewsArticle jsonLd, OpenGraphMeta meta, PageFurniture furniture)
    {
        var keywords = jsonLd.Keywords.Concat(meta.Tags).Concat(furniture.Keywords).ToList();
        return [.. (keywords.Count > 0 ? keywords : meta.MetaKeywords)
            .Where(k => k.Length <= ArticleRecordValidator.MaxName && PageText.Key(k).Length > 0)
            .DistinctBy(PageText.Key).Take(ArticleRecordValidator.MaxListItems)];
    }
}
