using AngleSharp.Dom;

namespace NewsMeta.Api.Features.Ingestion.Html;

/// <summary>
/// How deep a page's elements nest. The parser and the reader recurse over the tree: a page of 200,000
/// nested divs overflowed the stack and took the process down, and 20,000 took seconds. Real news pages
/// nest a few dozen levels (browsers flatten past 512), so deeper pages are refused: first by a scan of the
/// markup before parsing (<see cref="MarkupExceeds"/>, which only counts tags and never reads a page), then by
/// a walk of the parsed tree without recursion (<see cref="Exceeds"/>).
/// </summary>
internal static class PageDepth
{
    public const int MaxDepth = 256;

    /// <summary>The markup scan's limit: above <see cref="MaxDepth"/>, as unclosed tags the parser would close make it count high.</summary>
    public const int MaxMarkupDepth = 2_048;

    private static readonly HashSet<string> NoEndTag = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp", "html", "head", "body",
    };

    private static readonly string[] RawText = ["script", "style", "textarea", "title", "xmp", "noscript"];

    /// <summary>True when open tags (less their end tags) stack deeper than <paramref name="max"/> anywhere in the markup.</summary>
    public static bool MarkupExceeds(string html, int max)
    {
        var depth = 0;
        for (var i = html.IndexOf('<', StringComparison.Ordinal); i >= 0 && i < html.Length - 1; i = html.IndexOf('<', i + 1))
        {
            if (html.AsSpan(i).StartsWith("<!--", StringComparison.Ordinal))
            {
                var end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end;
                continue;
            }

            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var stop = start;
            while (stop < html.Length && char.IsAsciiLetterOrDigit(html[stop]))
            {
                stop++;
            }

            var name = html[start..stop];
            if (name.Length == 0 || !char.IsAsciiLetter(name[0]) || NoEndTag.Contains(name))
            {
                continue;
            }

            var gt = html.IndexOf('>', stop);
            if (closing)
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (gt > 0 && html[gt - 1] == '/')
            {
                continue;
            }
            else if (RawText.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                // Script and style text may hold "<div" in strings: jump to the end tag.
                var end = html.IndexOf("</" + name, stop, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : end + 1;
            }
            else if (++depth > max)
            {
                return true;
            }
        }

        return false;
    }

    public static bool Exceeds(IElement root, int max)
    {
        var depth = 0;
        IElement? node = root;
        while (node is not null)
        {
            if (node.FirstElementChild is { } child)
            {
                node = child;
                if (++depth > max)
                {
                    return true;
                }

                continue;
            }

            // Up until a node has a next sibling (or the walk is back at the root).
            while (node is not null && !ReferenceEquals(node, root) && node.NextElementSibling is null)
            {
                node = node.ParentElement;
                depth--;
            }

            node = node is null || ReferenceEquals(node, root) ? null : node.NextElementSibling;
        }

        return false;
    }
}
