namespace NewsMeta.Text;

/// <summary>URL-friendly names for articles: the last path segment of the URL, else the normalised title.</summary>
public static class Slugs
{
    public const int MaxLength = 80;

    public static string Create(string? url, string title)
    {
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            var segment = uri.Segments.LastOrDefault()?.Trim('/') ?? string.Empty;
            var fromUrl = FromText(Uri.UnescapeDataString(segment));
            if (fromUrl.Length > 0)
            {
                return fromUrl;
            }
        }

        return FromText(title);
    }

    private static string FromText(string text)
    {
        var slug = ArabicNormalizer.Normalize(text).Replace(' ', '-');
        if (slug.Length > MaxLength)
        {
            slug = slug[..MaxLength].TrimEnd('-');
        }

        return slug;
    }
}
