using AngleSharp.Dom;

namespace NewsMeta.Api.Features.Ingestion.Html;

/// <summary>
/// OpenGraph (og:*), article:* and plain meta tags: the second source of metadata, after JSON-LD.
/// og:image:* properties describe the og:image before them, as the OpenGraph protocol orders them.
/// article:author is often a profile URL rather than a name; URLs are not taken as names.
/// </summary>
internal sealed record OpenGraphMeta
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Url { get; init; }
    public string? SiteName { get; init; }
    public string? Language { get; init; }
    public DateTime? PublishedTime { get; init; }
    public DateTime? ModifiedTime { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public IReadOnlyList<string> Sections { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>meta name=keywords, comma separated: used only when nothing better names the keywords.</summary>
    public IReadOnlyList<string> MetaKeywords { get; init; } = [];

    public IReadOnlyList<HtmlMedia> Media { get; init; } = [];

    /// <summary>True when og:type says article.</summary>
    public bool IsArticle { get; init; }

    public static OpenGraphMeta Read(IDocument page, Uri? baseUri)
    {
        var tags = page.QuerySelectorAll("meta")
            .Select(m => (Key: (m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop"))?.Trim().ToLowerInvariant(), Value: m.GetAttribute("content")))
            .Where(t => t.Key is not null && !string.IsNullOrWhiteSpace(t.Value))
            .Select(t => (Key: t.Key!, Value: t.Value!.Trim()))
            .ToList();
        string? First(params string[] keys) => keys.Select(k => tags.FirstOrDefault(t => t.Key == k).Value).FirstOrDefault(v => v is not null);
        IEnumerable<string> All(string key) => tags.Where(t => t.Key == key).Select(t => t.Value);

        return new OpenGraphMeta
        {
            Title = PageText.Clean(First("og:title", "twitter:title")),
            Description = PageText.Clean(First("og:description", "description", "twitter:description")),
            Url = PageText.Absolute(baseUri, First("og:url")),
            SiteName = PageText.Clean(First("og:site_name")),
            Language = PageText.Language(First("og:locale", "language", "content-language")),
            PublishedTime = PageText.Utc(First("article:published_time", "pubdate", "publish-date", "datepublished")),
            ModifiedTime = PageText.Utc(First("article:modified_time", "og:updated_time", "datemodified")),
            Authors = [.. All("article:author").Concat(All("author")).Where(a => !Uri.TryCreate(a, UriKind.Absolute, out _)).Select(PageText.Clean).OfType<string>().Distinct()],
            Sections = [.. All("article:section").Select(PageText.Clean).OfType<string>().Distinct()],
            Tags = [.. All("article:tag").Select(PageText.Clean).OfType<string>().Distinct()],
            MetaKeywords = [.. All("keywords").SelectMany(k => k.Split([',', '،', ';'])).Select(PageText.Clean).OfType<string>().Distinct()],
            Media = MediaOf(tags, baseUri),
            IsArticle = string.Equals(First("og:type"), "article", StringComparison.OrdinalIgnoreCase),
        };
    }

    private static List<HtmlMedia> MediaOf(List<(string Key, string Value)> tags, Uri? baseUri)
    {
        var media = new List<HtmlMedia>();
        foreach (var kind in (string[])["image", "video", "audio"])
        {
            HtmlMedia? current = null;
            foreach (var (key, value) in tags)
            {
                // og:image (or og:image:url) starts a picture; og:image:secure_url alone also does.
                var starts = key == $"og:{kind}" || key == $"og:{kind}:url" || (key == $"og:{kind}:secure_url" && current is null);
                if (starts)
                {
                    if (current is not null)
                    {
                        media.Add(current);
                    }

                    current = PageText.Absolute(baseUri, value) is { } url ? new HtmlMedia(kind, url, null, null, null, null, null, null) : null;
                }
                else if (current is not null)
                {
                    current = key == $"og:{kind}:width" ? current with { Width = PageText.Dimension(value) }
                        : key == $"og:{kind}:height" ? current with { Height = PageText.Dimension(value) }
                        : key == $"og:{kind}:type" ? current with { MimeType = PageText.Clean(value) }
                        : key == $"og:{kind}:alt" ? current with { AltText = PageText.Clean(value) }
                        : current;
                }
            }

            if (current is not null)
            {
                media.Add(current);
            }
        }

        return media;
    }
}
