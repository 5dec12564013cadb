using System.Buffers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common.Json;
using NewsMeta.Api.Common.Paging;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Articles.ReadModel;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Search;

/// <summary>
/// REST search from the stored read model: ONE statement ranks the matches and reads, for the page's
/// hits, their stored summaries (<see cref="ArticleDocument.Summary"/>, whose title and summary the
/// highlights mark), the start of each body the highlights are made from (<see cref="ArticleDocument.BodyPrefix"/>;
/// <see cref="SearchHighlights"/>), and the catalogue version the query's expansion is checked against (<see cref="SearchVariants.VersionNamingNothing"/>). Each item is written as the stored summary object with <c>score</c> and <c>highlights</c>
/// spliced in before its closing brace, which is where <see cref="SearchResultDto"/> puts them
/// (JsonPropertyOrder), so the answer is the bytes the computed path serialises. A page with a hit whose
/// document is not rendered yet (a store being backfilled) is computed as before.
/// </summary>
public sealed class StoredSearch(SearchQueries search, ArticleQueries articles, NewsDbContext db)
{
    private static readonly byte[] ScoreName = Name(nameof(SearchResultDto.Score));
    private static readonly byte[] HighlightsName = Name(nameof(SearchResultDto.Highlights));

    /// <summary>The page as the JSON a <see cref="Page{T}"/> of <see cref="SearchResultDto"/> is written as, and its next cursor.</summary>
    public async Task<StoredPage> PageAsync(SearchQuery query, ArticleFilter filter, int limit, int offset, CancellationToken ct) =>
        await ReadAsync(query, filter, limit, offset, catalogueVersion: null, ct) ?? throw new System.Diagnostics.UnreachableException();

    /// <summary>
    /// <see cref="PageAsync"/>, or null when the catalogue is no longer at <paramref name="catalogueVersion"/>
    /// (read in the same statement, so from the same snapshot as the hits): the query was not expanded under
    /// the current catalogue, and the caller expands it and asks again.
    /// </summary>
    public Task<StoredPage?> PageIfCatalogueAtAsync(string catalogueVersion, SearchQuery query, ArticleFilter filter, int limit, int offset, CancellationToken ct) =>
        ReadAsync(query, filter, limit, offset, catalogueVersion, ct);

    private async Task<StoredPage?> ReadAsync(SearchQuery query, ArticleFilter filter, int limit, int offset, string? catalogueVersion, CancellationToken ct)
    {
        var rows = await (from r in search.Ranked(query, filter, limit, offset)
                          join a in articles.Readable() on r.Id equals a.Id
                          join d in db.ArticleDocuments on r.Id equals d.Id into documents
                          from d in documents.DefaultIfEmpty()
                          orderby r.Score descending, r.PublishedAt descending, r.Id descending
                          // The article's row only says it is visible: its text comes with the document, so
                          // no heap row or compressed body of the article is read (an index-only probe).
                          select new StoredHit
                          {
                              Id = r.Id,
                              Score = r.Score,
                              Stored = d != null ? d.Summary : null,
                              BodyPrefix = d != null ? d.BodyPrefix : null,
                              CatalogueVersion = db.JobStates.Where(j => j.Name == NamedEntities.CatalogueVersion.Name).Select(j => j.Value).FirstOrDefault(),
                          })
            .ToListAsync(ct);
        if (catalogueVersion is not null)
        {
            var current = rows.Count > 0 ? rows[0].CatalogueVersion ?? NamedEntities.CatalogueVersion.Missing : await NamedEntities.CatalogueVersion.ReadAsync(db, ct);
            if (current != catalogueVersion)
            {
                return null;
            }
        }

        var next = rows.Count > limit ? SearchCursor.Encode(offset + limit) : null;
        var page = rows.Take(limit).ToList();
        var texts = await HighlightTextsAsync(page, ct);
        var highlights = await SearchHighlights.OfAsync(db, query.Stems, page.Select(r => (r.Id, texts[r.Id].Title, texts[r.Id].Summary, texts[r.Id].BodyPrefix)), ct);
        var hits = page.Select(r => (r.Id, r.Score, Highlights: highlights[r.Id], r.Stored)).ToList();
        if (hits.Any(h => h.Stored is null))
        {
            var computed = await search.SummariesAsync(new RankedPage([.. hits.Select(h => (h.Id, h.Score, h.Highlights))], next is not null), ct);
            return new StoredPage(JsonSerializer.SerializeToUtf8Bytes(new Page<SearchResultDto> { Items = computed, NextCursor = next }, NewsJson.Options), next);
        }

        return new StoredPage(Write(hits.Select(h => (h.Stored!, Math.Round(h.Score, 6), h.Highlights)), next), next);
    }

    /// <summary>
    /// The title, summary and body start of each hit: from its stored summary and body prefix, or, for a hit
    /// whose document lacks them (rendered before they were stored), from the article's row in one more
    /// statement. An article deleted since the page was read is highlighted from what is left: nothing.
    /// </summary>
    private async Task<Dictionary<int, (string Title, string? Summary, string BodyPrefix)>> HighlightTextsAsync(List<StoredHit> page, CancellationToken ct)
    {
        var texts = new Dictionary<int, (string Title, string? Summary, string BodyPrefix)>(page.Count);
        foreach (var hit in page.Where(h => h.Stored is not null && h.BodyPrefix is not null))
        {
            var (title, summary) = StoredSummaryText.TitleAndSummary(hit.Stored);
            texts[hit.Id] = (title, summary, hit.BodyPrefix!);
        }

        var missing = page.Where(h => !texts.ContainsKey(h.Id)).Select(h => h.Id).ToList();
        if (missing.Count > 0)
        {
            var rows = await db.Articles.AsNoTracking().Where(a => missing.Contains(a.Id))
                .Select(a => new { a.Id, a.Title, a.Summary, BodyPrefix = a.Body.Substring(0, SearchHighlights.BodyPrefixLength + 1) })
                .ToDictionaryAsync(a => a.Id, ct);
            foreach (var id in missing)
            {
                texts[id] = rows.TryGetValue(id, out var a) ? (a.Title, a.Summary, a.BodyPrefix) : (string.Empty, null, string.Empty);
            }
        }

        return texts;
    }

    private static byte[] Write(IEnumerable<(byte[] Stored, double Score, SearchHighlightsDto Highlights)> items, string? next)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        Append(buffer, "{\"items\":["u8);
        var first = true;
        foreach (var (stored, score, highlights) in items)
        {
            if (!first)
            {
                Append(buffer, ","u8);
            }

            first = false;
            // The stored summary is one JSON object: everything but its closing brace, then the two members.
            Append(buffer, stored.AsSpan(0, stored.AsSpan().LastIndexOf((byte)'}')));
            Append(buffer, ScoreName);
            Append(buffer, JsonSerializer.SerializeToUtf8Bytes(score, NewsJson.Options));
            Append(buffer, HighlightsName);
            Append(buffer, JsonSerializer.SerializeToUtf8Bytes(highlights, NewsJson.Options));
            Append(buffer, "}"u8);
        }

        Append(buffer, "],\"nextCursor\":"u8);
        Append(buffer, JsonSerializer.SerializeToUtf8Bytes(next, NewsJson.Options));
        Append(buffer, "}"u8);
        return buffer.WrittenSpan.ToArray();
    }

    private static void Append(ArrayBufferWriter<byte> buffer, ReadOnlySpan<byte> bytes) => buffer.Write(bytes);

    /// <summary><c>,"name":</c> for a member spliced after the stored ones, named as the serializer names it.</summary>
    private static byte[] Name(string property) =>
        System.Text.Encoding.UTF8.GetBytes($",{JsonSerializer.Serialize(NewsJson.Options.PropertyNamingPolicy!.ConvertName(property))}:");

    private sealed class StoredHit
    {
        public int Id { get; init; }
        public double Score { get; init; }
        public string? BodyPrefix { get; init; }
        public byte[]? Stored { get; init; }

        public string? CatalogueVersion { get; init; }
    }
}
