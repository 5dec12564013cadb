using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Text;
using NewsMeta.Text.Pages;

namespace NewsMeta.Api.Features.Ingestion;

/// <summary>
/// What the caller knows that the page text does not say: its id, title, time, url and language. Missing
/// ones are derived (see <see cref="PageImporter"/>).
/// </summary>
public sealed record PageMetadata(string? ExternalId, string? Title, DateTime? PublishedAt, string? Url, string? Language);

/// <summary>The outcome of a page import: the records written (or the part the page lacks), and their outcomes.</summary>
public sealed record PageImportOutcome(string? MissingPart, string? Error, WriteOutcome? Main, WriteOutcome? ReadAlso, IReadOnlyDictionary<string, string[]>? Invalid);

/// <summary>
/// Turns a scraped news page (layout of shared/samples/news-page.txt) into articles through the one
/// writer: the main article with its publisher, credited agency, keywords and links, and the embedded
/// read-also article. Titles on the page link to stored articles when one has the same normalised
/// title; otherwise the link keeps the title and waits, unresolved.
/// Metadata the caller leaves out is derived so that importing the same page again finds the same
/// article: the externalId from the url (else from the page text), the title from the body's first
/// sentence, the publication time kept from the stored article (else the time of import).
/// </summary>
public sealed class PageImporter(NewsDbContext db, ArticleWriter writer, TimeProvider clock, NewsMetaMetrics metrics)
{
    /// <summary>Longest derived title; cut at a word.</summary>
    public const int DerivedTitleLength = 120;

    /// <summary>
    /// Most words the related-titles and keyword lines may hold together. Splitting them asks the store
    /// about every span of up to 30 words, so this bounds the lookups; real pages have a few dozen.
    /// </summary>
    public const int MaxWordsToSplit = 2_000;

    public async Task<PageImportOutcome> ImportAsync(string text, PageMetadata given, CancellationToken ct)
    {
        // Read the sections (linear), check their size, look up every phrase the split may ask the store
        // about in one round of queries, then split once with the answers.
        var layout = NewsPageParser.Read(text);
        if (layout.WordsToSplit > MaxWordsToSplit)
        {
            return new PageImportOutcome(null, null, null, null, new Dictionary<string, string[]>
            {
                ["text"] = [$"has {layout.WordsToSplit} words in its related-titles and keyword lines; at most {MaxWordsToSplit} are read"],
            });
        }

        var knowledge = await StoreKnowledge.LoadAsync(db, layout.StorePhrases(ct), ct);
        var parsed = layout.Split(knowledge, ct: ct);
        if (parsed.Page is not { } page)
        {
            return new PageImportOutcome(parsed.MissingPart, parsed.Error, null, null, null);
        }

        var meta = await CompleteAsync(given, text, page, ct);

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
            ExternalId = meta.ExternalId!,
            Url = meta.Url,
            Title = meta.Title!,
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
        var outcomes = await metrics.CountAsync(WritePaths.PageImport, readAlso is null ? 1 : 2, writer.UpsertAsync(readAlso is null ? [main] : [readAlso, main], ct));
        return new PageImportOutcome(null, null, outcomes[^1], readAlso is null ? null : outcomes[0], null);
    }

    private async Task<PageMetadata> CompleteAsync(PageMetadata given, string text, NewsPage page, CancellationToken ct)
    {
        var externalId = given.ExternalId
            ?? "page-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(given.Url ?? ArabicNormalizer.Normalize(text))))[..24];
        var published = given.PublishedAt
            ?? await db.Articles.Where(a => a.ExternalId == externalId).Select(a => (DateTime?)a.PublishedAt).FirstOrDefaultAsync(ct)
            ?? clock.GetUtcNow().UtcDateTime;
        return given with { ExternalId = externalId, Title = given.Title ?? TitleFrom(page.BodyParagraphs[0]), PublishedAt = published };
    }

    /// <summary>The first sentence of a paragraph, cut at a word to <see cref="DerivedTitleLength"/> characters.</summary>
    private static string TitleFrom(string paragraph)
    {
        var end = paragraph.IndexOfAny(['.', '!', '?', '؟']);
        var sentence = (end > 0 ? paragraph[..end] : paragraph).Trim();
        if (sentence.Length <= DerivedTitleLength)
        {
            return sentence;
        }

        var cut = sentence.LastIndexOf(' ', DerivedTitleLength);
        return (cut > 0 ? sentence[..cut] : sentence[..DerivedTitleLength]).TrimEnd(' ', '،', ',') + "…";
    }

    private static LinkRecord Link(string title, string kind, string? externalId) =>
        new() { Title = title, Kind = kind, ExternalId = externalId };

    /// <summary>Stored articles whose normalised title equals one of these titles (the newest where several do).</summary>
    private async Task<Dictionary<string, string>> FindByTitleAsync(IEnumerable<string> titles, CancellationToken ct)
    {
        var keys = titles.Select(Article.TitleKey).Distinct().ToList();
        var found = await db.Articles.Where(a => keys.Contains(a.NormalizedTitle!))
            .OrderBy(a => a.PublishedAt).ThenBy(a => a.Id)
            .Select(a => new { a.NormalizedTitle, a.ExternalId }).ToListAsync(ct);
        var byKey = new Dictionary<string, string>();
        foreach (var article in found)
        {
            byKey[article.NormalizedTitle!] = article.ExternalId;
        }

        return byKey;
    }
}

/// <summary>
/// What the store knows for splitting run-together keywords and titles: entity names, aliases, keywords
/// and article titles, limited to the phrases asked about (so a page costs a few indexed lookups, not a
/// read of the catalogue).
/// </summary>
internal sealed class StoreKnowledge(HashSet<string> phrases) : IPhraseKnowledge
{
    private const int Chunk = 500;

    public bool IsKnownPhrase(string normalizedPhrase) => phrases.Contains(normalizedPhrase);

    public static async Task<StoreKnowledge> LoadAsync(NewsDbContext db, IReadOnlyCollection<string> asked, CancellationToken ct)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in asked.Chunk(Chunk))
        {
            var names = chunk.ToList();
            known.UnionWith(await db.Entities.Where(e => names.Contains(e.NormalizedName)).Select(e => e.NormalizedName)
                .Concat(db.EntityAliases.Where(a => names.Contains(a.NormalizedName)).Select(a => a.NormalizedName))
                .Concat(db.Keywords.Where(k => names.Contains(k.NormalizedName)).Select(k => k.NormalizedName))
                .Concat(db.Articles.Where(a => names.Contains(a.NormalizedTitle!)).Select(a => a.NormalizedTitle!))
                .ToListAsync(ct));
        }

        return new StoreKnowledge(known);
    }
}
