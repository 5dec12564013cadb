using System.Text.Json;
using AngleSharp.Dom;

namespace NewsMeta.Api.Features.Ingestion.Html;

/// <summary>
/// The page's schema.org NewsArticle (or another Article type) from its JSON-LD scripts: the most trusted
/// source of metadata. Reads objects, arrays and @graph; a script that is not JSON is skipped, never fatal.
/// Also reads a BreadcrumbList, which gives the section path when articleSection names only its last level.
/// </summary>
internal sealed record JsonLdNewsArticle
{
    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "ReviewNewsArticle", "AskPublicNewsArticle", "Article", "BlogPosting", "LiveBlogPosting", "Report",
    };

    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public string? Headline { get; init; }
    public string? AlternativeHeadline { get; init; }
    public string? Description { get; init; }
    public DateTime? DatePublished { get; init; }
    public DateTime? DateModified { get; init; }
    public string? Url { get; init; }
    public string? Language { get; init; }
    public string? Publisher { get; init; }
    public IReadOnlyList<HtmlByline> Bylines { get; init; } = [];
    public IReadOnlyList<HtmlMedia> Media { get; init; } = [];
    public IReadOnlyList<string> Sections { get; init; } = [];
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>The BreadcrumbList's item names, home excluded.</summary>
    public IReadOnlyList<string> Breadcrumb { get; init; } = [];

    /// <summary>True when the page declared an article at all.</summary>
    public bool Found { get; init; }

    public static JsonLdNewsArticle Read(IDocument page, Uri? baseUri)
    {
        var nodes = new List<JsonElement>();
        foreach (var script in page.QuerySelectorAll("script[type='application/ld+json' i]"))
        {
            try
            {
                using var json = JsonDocument.Parse(script.TextContent, Lenient);
                Collect(json.RootElement.Clone(), nodes);
            }
            catch (JsonException)
            {
                // A broken script is the publisher's problem; the meta tags and the page still speak.
            }
        }

        var article = nodes.Where(n => Types(n).Any(ArticleTypes.Contains))
            .OrderByDescending(n => Types(n).Any(t => t.EndsWith("NewsArticle", StringComparison.OrdinalIgnoreCase))).FirstOrDefault();
        var breadcrumb = nodes.FirstOrDefault(n => Types(n).Contains("BreadcrumbList"));
        var crumbs = breadcrumb.ValueKind == JsonValueKind.Object ? BreadcrumbNames(breadcrumb) : [];
        if (article.ValueKind != JsonValueKind.Object)
        {
            return new JsonLdNewsArticle { Breadcrumb = crumbs };
        }

        return new JsonLdNewsArticle
        {
            Found = true,
            Headline = PageText.Clean(String(article, "headline") ?? String(article, "name")),
            AlternativeHeadline = PageText.Clean(String(article, "alternativeHeadline")),
            Description = PageText.Clean(String(article, "description")),
            DatePublished = PageText.Utc(String(article, "datePublished")),
            DateModified = PageText.Utc(String(article, "dateModified")),
            Url = PageText.Absolute(baseUri, Id(article, "mainEntityOfPage") ?? String(article, "url")),
            Language = PageText.Language(String(article, "inLanguage")),
            Publisher = PageText.Clean(Name(Property(article, "publisher"))),
            Bylines = [.. People(article, "author", "author"), .. People(article, "editor", "editor"), .. People(article, "translator", "translator")],
            Media = [.. MediaOf(article, "image", "image", baseUri), .. MediaOf(article, "video", "video", baseUri), .. MediaOf(article, "audio", "audio", baseUri)],
            Sections = [.. Strings(Property(article, "articleSection")).Select(PageText.Clean).OfType<string>()],
            Keywords = [.. Strings(Property(article, "keywords")).SelectMany(k => k.Split([',', '،', ';'])).Select(PageText.Clean).OfType<string>()],
            Breadcrumb = crumbs,
        };
    }

    private static void Collect(JsonElement node, List<JsonElement> into)
    {
        if (node.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in node.EnumerateArray())
            {
                Collect(item, into);
            }
        }
        else if (node.ValueKind == JsonValueKind.Object)
        {
            into.Add(node);
            if (node.TryGetProperty("@graph", out var graph))
            {
                Collect(graph, into);
            }
        }
    }

    private static IEnumerable<string> Types(JsonElement node) => Strings(Property(node, "@type"));

    private static JsonElement Property(JsonElement node, string name) =>
        node.ValueKind == JsonValueKind.Object && node.TryGetProperty(name, out var value) ? value : default;

    private static string? String(JsonElement node, string name) => Strings(Property(node, name)).FirstOrDefault();

    /// <summary>A string, or each string of an array (numbers as text).</summary>
    private static IEnumerable<string> Strings(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Number => [value.GetRawText()],
        JsonValueKind.Array => value.EnumerateArray().SelectMany(Strings),
        _ => [],
    };

    /// <summary>An object's name, or the string itself.</summary>
    private static string? Name(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Object => String(value, "name"),
        JsonValueKind.Array => value.EnumerateArray().Select(Name).FirstOrDefault(n => n is not null),
        _ => null,
    };

    /// <summary>mainEntityOfPage as "@id" of an object, or as a plain URL.</summary>
    private static string? Id(JsonElement node, string name)
    {
        var value = Property(node, name);
        return value.ValueKind == JsonValueKind.Object ? String(value, "@id") ?? String(value, "url") : Strings(value).FirstOrDefault();
    }

    private static List<JsonElement> Items(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : value.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? [] : [value];

    private static IEnumerable<HtmlByline> People(JsonElement article, string property, string role) =>
        Items(Property(article, property)).Select(Name).Select(PageText.Clean).OfType<string>().Distinct().Select(n => new HtmlByline(n, role));

    private static IEnumerable<HtmlMedia> MediaOf(JsonElement article, string property, string kind, Uri? baseUri)
    {
        foreach (var item in Items(Property(article, property)))
        {
            var url = PageText.Absolute(baseUri, item.ValueKind == JsonValueKind.String ? item.GetString() : String(item, "contentUrl") ?? String(item, "url"));
            if (url is null)
            {
                continue;
            }

            var credit = String(item, "creditText") ?? Name(Property(item, "copyrightHolder")) ?? Name(Property(item, "author"));
            yield return new HtmlMedia(kind, url, PageText.Clean(String(item, "caption") ?? String(item, "description")), PageText.Clean(credit),
                null, PageText.Dimension(Quantity(item, "width")), PageText.Dimension(Quantity(item, "height")), PageText.Clean(String(item, "encodingFormat")));
        }
    }

    /// <summary>A width or height: a number, a string, or a QuantitativeValue's value.</summary>
    private static string? Quantity(JsonElement item, string name)
    {
        var value = Property(item, name);
        return value.ValueKind == JsonValueKind.Object ? String(value, "value") : Strings(value).FirstOrDefault();
    }

    private static List<string> BreadcrumbNames(JsonElement list) =>
        [.. Items(Property(list, "itemListElement"))
            .OrderBy(i => int.TryParse(String(i, "position"), out var p) ? p : int.MaxValue)
            .Select(i => PageText.Clean(String(i, "name") ?? Name(Property(i, "item"))))
            .OfType<string>()];
}
