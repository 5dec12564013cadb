using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NewsMeta.Api.Features.Ingestion.Html;

/// <summary>
/// The article's readable text, paragraph by paragraph. SmartReader (a port of Mozilla's Readability)
/// scores the page's blocks and keeps the one that holds the article, dropping what scores like
/// navigation or boilerplate; the page it sees has already lost its furniture (<see cref="PageFurniture"/>).
/// Its HTML answer is then read back into paragraphs (p, headings, list items, quotes); captions are not body.
/// </summary>
internal static class ReadableBody
{
    /// <summary>Fewer characters than this in the whole body is not an article (a section front, an error page).</summary>
    public const int MinArticleCharacters = 140;

    /// <summary>SmartReader stops at this many elements; a 5 MiB page of markup stays well under it.</summary>
    private const int MaxElements = 400_000;

    private static readonly HtmlParser Parser = new();

    public static IReadOnlyList<string> Read(IHtmlDocument page, string url)
    {
        // The reader gets the parsed document, never a URL to fetch: nothing leaves the service.
        using var reader = new SmartReader.Reader(url, page)
        {
            CharThreshold = MinArticleCharacters,
            MaxElemsToParse = MaxElements,
            DisableJSONLD = true,
            ContinueIfNotReadable = true,
        };
        var article = reader.GetArticle();
        if (!article.Completed || string.IsNullOrWhiteSpace(article.Content))
        {
            return [];
        }

        var paragraphs = Paragraphs(Parser.ParseDocument(article.Content).Body!);
        return paragraphs.Sum(p => p.Length) >= MinArticleCharacters ? paragraphs : [];
    }

    private static List<string> Paragraphs(IElement content)
    {
        foreach (var caption in content.QuerySelectorAll("figcaption, figure, picture").ToList())
        {
            caption.Remove();
        }

        var blocks = content.QuerySelectorAll("p, h2, h3, h4, h5, h6, li, blockquote, pre");
        var paragraphs = PageMarkers.Outermost(blocks.Where(b => b.LocalName != "li" || b.QuerySelector("p") is null))
            .Select(b => PageText.Text(b)).OfType<string>().ToList();
        if (paragraphs.Count == 0 && PageText.Text(content) is { } text)
        {
            paragraphs.Add(text);
        }

        return paragraphs;
    }
}
