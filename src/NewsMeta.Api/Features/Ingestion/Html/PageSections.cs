namespace NewsMeta.Api.Features.Ingestion.Html;

/// <summary>
/// Section paths ("أخبار العالم/الشرق الأوسط"). The publisher's articleSection (or article:section) names the
/// section; a breadcrumb that ends in that name gives its full path. Without either named section, the
/// breadcrumb (less the article's own title) is the path.
/// </summary>
internal static class PageSections
{
    public const int MaxSections = 20;

    private static readonly HashSet<string> Home = [.. new[] { "الرئيسية", "الصفحة الرئيسية", "Home" }.Select(PageText.Key)];

    public static List<string> From(IReadOnlyList<string> named, IReadOnlyList<string> breadcrumb, string? title)
    {
        // A breadcrumb starts at the home page and may end at the article itself: neither is a section.
        var crumbs = breadcrumb.Where(c => PageText.Key(c) != PageText.Key(title) && !Home.Contains(PageText.Key(c))).Select(Level).OfType<string>().ToList();
        var trail = crumbs.Count > 0 ? string.Join('/', crumbs) : null;
        var sections = named.Select(Path).OfType<string>()
            .Select(section => trail is not null && !section.Contains('/', StringComparison.Ordinal) && crumbs.Count > 1 && PageText.Key(crumbs[^1]) == PageText.Key(section) ? trail : section)
            .ToList();
        if (sections.Count == 0 && trail is not null)
        {
            sections.Add(trail);
        }

        return [.. sections.DistinctBy(PageText.Key).Take(MaxSections)];
    }

    /// <summary>A path with levels trimmed; "›", "»" and "&gt;" separate levels as "/" does.</summary>
    private static string? Path(string section)
    {
        var levels = section.Split(['/', '›', '»', '>'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Level).OfType<string>().ToList();
        return levels.Count == 0 ? null : string.Join('/', levels);
    }

    private static string? Level(string level) => PageText.Clean(level.Replace('/', ' '));
}
