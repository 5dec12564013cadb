namespace NewsMeta.Api.Features.Ingestion.Html;

/// <summary>
/// The one mapping from what a page gave (<see cref="HtmlPageArticle"/>) to the record every write path
/// stores. Empty lists stay absent (null), as in a record that never had them, so the content hash of a
/// page without bylines, media or sections is the one an older record had.
/// </summary>
public static class HtmlPageRecord
{
    public static ArticleRecord ToRecord(HtmlPageArticle page, string externalId, DateTime publishedAt, string language) => new()
    {
        ExternalId = externalId,
        Url = page.CanonicalUrl,
        Title = page.Title,
        Subtitle = page.Subtitle,
        Summary = page.Summary,
        Body = string.Join("\n\n", page.Paragraphs),
        Language = language,
        PublishedAt = publishedAt,
        UpdatedAt = page.UpdatedAt is { } updated && updated > publishedAt ? updated : null,
        Source = page.Publisher is { } publisher ? new SourceRecord { Name = publisher, Kind = "newspaper" } : null,
        Keywords = [.. page.Keywords],
        Bylines = page.Bylines.Count == 0 ? null : [.. page.Bylines.Select(b => new BylineRecord { Name = b.Name, Role = b.Role })],
        Media = page.Media.Count == 0 ? null
            : [.. page.Media.Select(m => new MediaRecord { Kind = m.Kind, Url = m.Url, Caption = m.Caption, Credit = m.Credit, AltText = m.AltText, Width = m.Width, Height = m.Height, MimeType = m.MimeType })],
        Sections = page.Sections.Count == 0 ? null : [.. page.Sections],
        Links =
        [
            .. page.ReadAlso.Select(l => new LinkRecord { Title = l.Title, Url = l.Url, Kind = "readAlso" }),
            .. page.Related.Select(l => new LinkRecord { Title = l.Title, Url = l.Url, Kind = "related" }),
        ],
    };
}
