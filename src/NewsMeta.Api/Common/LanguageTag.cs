using System.Text.RegularExpressions;

namespace NewsMeta.Api.Common;

/// <summary>A pragmatic BCP 47 check: a 2–3 letter primary tag and optional alphanumeric subtags.</summary>
public static partial class LanguageTag
{
    public static bool IsValid(string? tag) => tag is { Length: <= 35 } && Pattern().IsMatch(tag);

    /// <summary>Lower-case primary tag, as stored and filtered ("AR" → "ar", "en-GB" stays "en-GB").</summary>
    public static string Canonical(string tag)
    {
        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? tag.ToLowerInvariant() : tag[..dash].ToLowerInvariant() + tag[dash..];
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")]
    private static partial Regex Pattern();
}
