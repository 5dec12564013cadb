using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Search;
using NewsMeta.Text;
using NewsMeta.Text.Pages;

namespace NewsMeta.Api.Features.Ingestion;

/// <summary>What the caller knows that the page text does not say: its id, title, time, url and language.</summary>
public sealed record PageMetadata(string ExternalId, string Title, DateTime PublishedAt, string? Url, string Language);

/// <summary>The outcome of a page import: the records written (or the part the page lacks), and their outcomes.</summary>
public sealed record PageImportOutcome(string? MissingPart, string? Error, WriteOutcome? Main, WriteOutcome? ReadAlso, IReadOnlyDictionary<string, string[]>? Invalid);

/// <summary>
/// Turns a scraped news page (layout of shared/samples/news-page.txt) into articles through the one
/// writer: the main article with its publisher, credited agency, keywords and links, and the embedded
/// read-also article. Titles on the page link to stored articles when one has the same normalised
/// title; otherwise the link keeps the title and waits, unresolved.
/// </summary>
public sealed class PageImporter(NewsDbContext db, SearchIndex search, ArticleWriter writer)
{
    public async Task<PageImportOutcome> ImportAsync(string text, PageMetadata meta, CancellationToken ct)
    {
        var parsed = NewsPageParser.Parse(text, await StoreKnowledge.LoadAsync(db, ct));
        if (parsed.Page is not { } page)
        {
            return new PageImportOutcome(parsed.MissingPart, parsed.Error, null, null, null);
        }

        var titles = page.RelatedTitles.Concat(page.SimilarTitles).Append(page.ReadAlso?.Title).OfType<string>();
        var stored = await FindByTitleAsync(titles, ct);
        var source = new SourceRecord { Name = page.Publisher, Kind = "newspaper" };

        ArticleRecord? readAlso = null;
        string? readAlsoId = null;
        if (page.ReadAlso is { } second)
        {
            readAlsoId = stored.GetValueOrDefault(ArabicNormalizer.Normalize(second.Title));
            if (readAlsoId is null && second.BodyParagraphs.Count > 0)
            {
                readAlsoId = $"{meta.ExternalId}--read-also";
                readAlso = new ArticleRecord
                {
                    ExternalId = readAlsoId,
                    Title = second.Title,
                    Body = string.Join("\n\n", second.BodyParagraphs),
                    Language = meta.Language,
                    PublishedAt = meta.PublishedAt,
                    Source = source,
                };
            }

            // Other lines of the page naming the read-also title (e.g. a similar bullet) point at it too.
            if (readAlsoId is not null)
            {
                stored[ArabicNormalizer.Normalize(second.Title)] = readAlsoId;
            }
        }

        var links = new List<LinkRecord>();
        if (page.ReadAlso is { } target)
        {
            links.Add(Link(target.Title, "readAlso", readAlsoId));
        }

        links.AddRange(page.RelatedTitles.Select(t => Link(t, "related", stored.GetValueOrDefault(ArabicNormalizer.Normalize(t)))));
        links.AddRange(page.SimilarTitles.Select(t => Link(t, "similar", stored.GetValueOrDefault(ArabicNormalizer.Normalize(t)))));
        var main = new ArticleRecord
        {
            ExternalId = meta.ExternalId,
            Url = meta.Url,
            Title = meta.Title,
            Body = string.Join("\n\n", page.BodyParagraphs),
            Language = meta.Language,
            PublishedAt = meta.PublishedAt,
            Source = source,
            Credits = page.Agency is { } agency ? [new SourceRecord { Name = agency, Kind = "agency" }] : null,
            Keywords = [.. page.Keywords],
            Links = links,
        };

        var errors = ArticleRecordValidator.Validate(main);
        if (readAlso is not null)
        {
            foreach (var (field, messages) in ArticleRecordValidator.Validate(readAlso))
            {
                errors[$"readAlso.{field}"] = messages;
            }
        }

        if (errors.Count > 0)
        {
            return new PageImportOutcome(null, null, null, null, errors);
        }

        // The read-also article first, so the main article's link to it resolves in the same write.
        var outcomes = await writer.UpsertAsync(readAlso is null ? [main] : [readAlso, main], ct);
        return new PageImportOutcome(null, null, outcomes[^1], readAlso is null ? null : outcomes[0], null);
    }

    private static LinkRecord Link(string title, string kind, string? externalId) =>
        new() { Title = title, Kind = kind, ExternalId = externalId };

    /// <summary>Stored articles whose normalised title equals one of these titles (found through the search index).</summary>
    private async Task<Dictionary<string, string>> FindByTitleAsync(IEnumerable<string> titles, CancellationToken ct)
    {
        var found = new Dictionary<string, string>();
        foreach (var title in titles.Distinct())
        {
            var query = SearchQuery.Parse($"\"{title.Replace("\"", " ", StringComparison.Ordinal)}\"");
            if (query.IsEmpty)
            {
                continue;
            }

            var ids = await search.Hits(query).Select(h => h.ArticleId).Take(20).ToListAsync(ct);
            var candidates = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.ExternalId, a.Title }).ToListAsync(ct);
            var key = ArabicNormalizer.Normalize(title);
            if (candidates.FirstOrDefault(c => ArabicNormalizer.Normalize(c.Title) == key) is { } match)
            {
                found[key] = match.ExternalId;
            }
        }

        return found;
    }
}

/// <summary>What the store knows for splitting run-together keywords and titles: entity names, aliases and keywords.</summary>
internal sealed class StoreKnowledge(HashSet<string> phrases) : IPhraseKnowledge
{
    public bool IsKnownPhrase(string normalizedPhrase) => phrases.Contains(normalizedPhrase);

    public static async Task<StoreKnowledge> LoadAsync(NewsDbContext db, CancellationToken ct)
    {
        var names = await db.Entities.Select(e => e.NormalizedName)
            .Concat(db.EntityAliases.Select(a => a.NormalizedName))
            .Concat(db.Keywords.Select(k => k.NormalizedName))
            .ToListAsync(ct);
        return new StoreKnowledge(names.ToHashSet(StringComparer.Ordinal));
    }
}
