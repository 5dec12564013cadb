using AngleSharp.Dom;

namespace NewsMeta.Api.Features.Ingestion.Html;

/// <summary>
/// How the reader recognises a part of a page: by the words in its class and id (split at '-', '_' and
/// spaces, so "most-read", "mostRead" is not split but "most_read" is), or by the heading a box puts over
/// itself ("أخبار ذات صلة"), compared as normalised Arabic.
/// </summary>
internal static class PageMarkers
{
    /// <summary>" word word " from the class and id, lower case.</summary>
    public static string Words(IElement element)
    {
        var raw = $"{element.GetAttribute("class")} {element.GetAttribute("id")}".ToLowerInvariant();
        var words = raw.Split([' ', '\t', '\n', '-', '_'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? "" : $" {string.Join(' ', words)} ";
    }

    /// <summary>True when the class or id has one of these words or word sequences ("most read").</summary>
    public static bool Has(IElement element, IEnumerable<string> markers)
    {
        var words = Words(element);
        return words.Length > 0 && markers.Any(m => words.Contains($" {m} ", StringComparison.Ordinal));
    }

    /// <summary>True when the normalised heading is one of these normalised phrases, or starts with one.</summary>
    public static bool HeadedBy(string? heading, IReadOnlyCollection<string> phrases) =>
        heading is { Length: > 0 } && phrases.Any(p => heading == p || heading.StartsWith(p + " ", StringComparison.Ordinal));

    public static IReadOnlyCollection<string> Phrases(params string[] phrases) => [.. phrases.Select(PageText.Key).Distinct()];

    /// <summary>
    /// A block that is mostly prose, not a list of links: furniture removal leaves such a block alone even when
    /// its class looks like furniture (a content wrapper called "share-enabled" is still the article).
    /// </summary>
    public static bool IsProse(IElement element)
    {
        var text = element.TextContent.Length;
        if (text < 400)
        {
            return false;
        }

        var linked = element.QuerySelectorAll("a").Sum(a => a.TextContent.Length);
        return linked < text * 0.3;
    }

    /// <summary>The outermost of these elements, in their order: a box inside another box is taken with it.</summary>
    public static List<IElement> Outermost(IEnumerable<IElement> elements)
    {
        var list = elements.Distinct().ToList();
        var set = list.ToHashSet();
        return [.. list.Where(e => !Ancestors(e).Any(set.Contains))];
    }

    private static IEnumerable<IElement> Ancestors(IElement element)
    {
        for (var parent = element.ParentElement; parent is not null; parent = parent.ParentElement)
        {
            yield return parent;
        }
    }
}
