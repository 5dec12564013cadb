using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;

namespace NewsMeta.Api.Features.Ingestion.Html;

/// <summary>
/// A whole HTML page into the store: <see cref="HtmlPageReader"/> reads it, <see cref="HtmlPageRecord"/> maps it,
/// and it goes through the same validator and writer as every other write (so entities, keyphrases and
/// similar links follow). The externalId comes from the canonical URL the same way the text form derives it,
/// so the text and HTML forms of one page are one article. What the caller gives overrides the page.
/// </summary>
public sealed class HtmlPageImporter(NewsDbContext db, ArticleWriter writer, TimeProvider clock, NewsMetaMetrics metrics)
{
    public async Task<PageImportOutcome> ImportAsync(string html, PageMetadata given, CancellationToken ct)
    {
        var reading = HtmlPageReader.Read(html, given.Url);
        if (reading.Article is not { } page)
        {
            return new PageImportOutcome(reading.MissingPart, reading.Error, null, null, null);
        }

        var url = page.CanonicalUrl ?? given.Url;
        var externalId = given.ExternalId ?? ExternalIdFrom(url, page);
        var published = given.PublishedAt ?? page.PublishedAt
            ?? await db.Articles.Where(a => a.ExternalId == externalId).Select(a => (DateTime?)a.PublishedAt).FirstOrDefaultAsync(ct)
            ?? clock.GetUtcNow().UtcDateTime;
        var record = HtmlPageRecord.ToRecord(page with { Title = given.Title ?? page.Title, CanonicalUrl = url }, externalId, published,
            given.Language ?? page.Language ?? "ar");

        var errors = ArticleRecordValidator.Validate(record);
        if (errors.Count > 0)
        {
            return new PageImportOutcome(null, null, null, null, errors);
        }

        var outcomes = await metrics.CountAsync(WritePaths.PageImport, 1, writer.UpsertAsync([record], ct));
        return new PageImportOutcome(null, null, outcomes[0], null, null);
    }

    /// <summary>As the text form: "page-" and the first 24 hex digits of the SHA-256 of the URL (else of the title and body).</summary>
    private static string ExternalIdFrom(string? url, HtmlPageArticle page)
    {
        var key = url ?? NewsMeta.Text.ArabicNormalizer.Normalize(page.Title + "\n" + string.Join("\n", page.Paragraphs));
        return "page-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..24];
    }
}
