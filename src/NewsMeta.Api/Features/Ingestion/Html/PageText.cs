using System.Globalization;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Ingestion.Html;

/// <summary>Small helpers every part of the HTML reader shares: text as a reader sees it, URLs resolved against the page, dates in UTC.</summary>
internal static partial class PageText
{
    /// <summary>Whitespace collapsed, cleaned like a title; null when nothing is left.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var cleaned = ArticleText.Clean(Spaces().Replace(text, " ")).Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    public static string? Text(IElement? element) => element is null ? null : Clean(element.TextContent);

    /// <summary>Compared as Arabic text: hamza forms, taa marbuta, diacritics and tatweel do not matter.</summary>
    public static string Key(string? text) => ArabicNormalizer.Normalize(text);

    /// <summary>An absolute http(s) URL for a link on the page, resolved against the page's base; null when there is none.</summary>
    public static string? Absolute(Uri? baseUri, string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        href = href.Trim();
        var resolved = Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme != Uri.UriSchemeFile ? absolute
            : baseUri is not null && Uri.TryCreate(baseUri, href, out var relative) ? relative : null;
        if (resolved is null || (resolved.Scheme != Uri.UriSchemeHttp && resolved.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        // The fragment names a place on the page, not another page.
        return new UriBuilder(resolved) { Fragment = "" }.Uri.AbsoluteUri;
    }

    /// <summary>An RFC 3339 / ISO 8601 time in UTC; a time without an offset is read as UTC.</summary>
    public static DateTime? Utc(string? value) =>
        !string.IsNullOrWhiteSpace(value) && DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? time.UtcDateTime
            : null;

    /// <summary>A positive whole number from "1200", "1200px" or 1200.0.</summary>
    public static int? Dimension(string? value)
    {
        var digits = value is null ? null : LeadingNumber().Match(value.Trim()) is { Success: true } m ? m.Value : null;
        return digits is not null && double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 100_000
            ? (int)number
            : null;
    }

    /// <summary>ar_EG, ar-EG, AR → ar: the store filters languages by their primary tag.</summary>
    public static string? Language(string? tag)
    {
        var primary = tag?.Trim().Split('-', '_')[0].ToLowerInvariant();
        return primary is { Length: >= 2 and <= 3 } && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\d+(\.\d+)?")]
    private static partial Regex LeadingNumber();
}
