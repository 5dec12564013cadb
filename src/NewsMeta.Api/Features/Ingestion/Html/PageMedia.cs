namespace NewsMeta.Api.Features.Ingestion.Html;

/// <summary>
/// One list of media from the three sources: the same file (same URL without its query) is one entry,
/// each field from the most trusted source that gives it, so the JSON-LD picture takes its caption and
/// credit from the page's figure when only the figure shows them. The first image stays first: it is the lead picture.
/// </summary>
internal static class PageMedia
{
    public const int MaxMedia = 50;

    public static List<HtmlMedia> Merge(params IReadOnlyList<HtmlMedia>[] sourcesByTrust)
    {
        var merged = new List<HtmlMedia>();
        foreach (var item in sourcesByTrust.SelectMany(s => s))
        {
            var index = merged.FindIndex(m => SameFile(m.Url, item.Url));
            if (index < 0)
            {
                merged.Add(item);
                continue;
            }

            var known = merged[index];
            merged[index] = known with
            {
                Caption = known.Caption ?? item.Caption,
                Credit = known.Credit ?? item.Credit,
                AltText = known.AltText ?? item.AltText,
                Width = known.Width ?? item.Width,
                Height = known.Height ?? item.Height,
                MimeType = known.MimeType ?? item.MimeType,
            };
        }

        // A lead image first: the order of the other media stays.
        var lead = merged.FindIndex(m => m.Kind == "image");
        if (lead > 0)
        {
            var image = merged[lead];
            merged.RemoveAt(lead);
            merged.Insert(0, image);
        }

        return [.. merged.Take(MaxMedia)];
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(a.Split('?', 2)[0], b.Split('?', 2)[0], StringComparison.OrdinalIgnoreCase);
}
