namespace NewsMeta.Api.Features.Ingestion.Html;

/// <summary>
/// The one mapping from what a page gave (<see cref="HtmlPageArticle"/>) to the record every write path
/// stores. Subtitle, bylines, media and sections are read but not mapped yet: <see cref="ArticleRecord"/>
/// gains them separately, and this method is where they join.
/// </summary>
public static class HtmlPageRecord
{
    public static ArticleRecord ToRecord(HtmlPageArticle page, string externalId, DateTime publishedAt, string language) => new()
    {
        ExternalId = externalId,
        Url = page.CanonicalUrl,
        Title = page.Title,
        Summary = page.Summary,
        Body = string.Join("\n\n", page.Paragraphs),
        Language = language,
        PublishedAt = publishedAt,
        UpdatedAt = page.UpdatedAt is { } updated && updated > publishedAt ? updated : null,
        Source = page.Publisher is { } publisher ? new SourceRecord { Name = publisher, Kind = "newspaper" } : null,
        Keywords = [.. page.Keywords],
        Links =
        [
            .. page.ReadAlso.Select(l => new LinkRecord { Title = l.Title, Url = l.Url, Kind = "readAlso" }),
            .. page.Related.Select(l => new LinkRecord { Title = l.Title, Url = l.Url, Kind = "related" }),
        ],
    };
}
