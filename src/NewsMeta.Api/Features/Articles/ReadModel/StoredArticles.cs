using System.Buffers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Http;
using NewsMeta.Api.Common.Json;
using NewsMeta.Api.Common.Paging;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles.ReadModel;

/// <summary>
/// Reads of the stored read model (<see cref="ArticleDocument"/>): an article is one indexed lookup that
/// sends the stored bytes; a page of summaries is one statement in keyset order. What a reader may see is the
/// model's query filter on Article (<see cref="ArticleVisibility"/>): LINQ pages start from
/// <see cref="ArticleQueries.Readable"/>; the hand-written statements (<see cref="DirectQuery"/>) spell the
/// same rule out (ReadModelParityTests walks their pages against LINQ computed ones).
/// An article whose document is not rendered yet (a store being backfilled) is computed as before.
/// </summary>
public sealed class StoredArticles(ArticleQueries queries, NewsDbContext db)
{
    /// <summary>The stored JSON of the article with this id; null when there is none.</summary>
    public Task<ETaggedJson<ArticleDto>?> ByIdAsync(int id, CancellationToken ct) => OneAsync(""" a."Id" = {0}""", id, ct);

    /// <summary>The stored JSON of the article with this externalId; null when there is none.</summary>
    public Task<ETaggedJson<ArticleDto>?> ByExternalIdAsync(string externalId, CancellationToken ct) => OneAsync(""" a."ExternalId" = {0}""", externalId, ct);

    // One statement without LINQ (DirectQuery), as the pages are; it costs what the compiled query it
    // replaced did. The visibility rule is the query filter's (ArticleVisibility), spelled out.
    private async Task<ETaggedJson<ArticleDto>?> OneAsync(string match, object key, CancellationToken ct)
    {
        var sql = """
            SELECT a."Id", d."Full", d."FullETag", d."LinksAt", l."Links" FROM "Articles" AS a
            LEFT JOIN "ArticleDocuments" AS d ON d."Id" = a."Id" LEFT JOIN "ArticleLinksDocuments" AS l ON l."Id" = a."Id" WHERE
            """ + match + (ArticleVisibility.CallerSeesEmbargoed ? "" : """ AND a."ReleasedVersion" IS NOT NULL""");
        var rows = await DirectQuery.ListAsync(db, sql, [key], r => new DocumentRow(r.GetInt32(0), DirectQuery.ReadBytes(r, 1), DirectQuery.ReadString(r, 2),
            r.IsDBNull(3) ? null : r.GetInt32(3), DirectQuery.ReadBytes(r, 4)), ct);
        if (rows.Count == 0)
        {
            return null;
        }

        var found = rows[0];
        if (found.Whole() is { } stored)
        {
            return ETaggedJson<ArticleDto>.Stored(stored.Body, stored.ETag);
        }

        return await queries.GetAsync(found.Id, ct) is { } computed ? new ETaggedJson<ArticleDto>(computed) : null;
    }

    /// <summary>
    /// The stored documents of articles just written, for their writers' answers: no visibility rule (a writer
    /// sees what it wrote, embargoed or not). An article without a document yet is computed; one deleted
    /// meanwhile is missing.
    /// </summary>
    public async Task<Dictionary<int, WrittenArticle>> WrittenAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var written = (await (from d in db.ArticleDocuments.Where(d => ids.Contains(d.Id))
                              join l in db.ArticleLinksDocuments on d.Id equals l.Id into links
                              from l in links.DefaultIfEmpty()
                              select new DocumentRow(d.Id, d.Full, d.FullETag, d.LinksAt, l != null ? l.Links : null)).ToListAsync(ct))
            .Select(d => d.Whole()).OfType<WrittenArticle>().ToDictionary(d => d.Id);
        var missing = ids.Where(id => !written.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            foreach (var article in await queries.GetManyAsync(missing, ct))
            {
                var body = JsonSerializer.SerializeToUtf8Bytes(article, NewsJson.Options);
                written[article.Id] = new WrittenArticle(article.Id, body, ETags.ForBytes(body));
            }
        }

        return written;
    }

    /// <summary>
    /// A page of stored summaries as the JSON a <see cref="Page{T}"/> of <see cref="ArticleSummaryDto"/> is
    /// written as; null with errors for a bad cursor. A page with a summary not rendered yet is computed as before.
    /// </summary>
    public async Task<StoredPage?> PageAsync(ArticleFilter filter, int limit, string? cursor, QueryErrors errors, CancellationToken ct)
    {
        if (!ArticleQueries.TryAfter(filter, cursor, errors, out var after))
        {
            return null;
        }

        var page = SummaryPageStatement.For(filter, ArticleVisibility.CallerSeesEmbargoed, after?.At, after?.Id ?? 0, limit + 1) is var (sql, arguments)
            ? await DirectQuery.ListAsync(db, sql, arguments, r => new StoredRow { Id = r.GetInt32(0), PublishedAt = DirectQuery.ReadUtc(r, 1), Summary = DirectQuery.ReadBytes(r, 2) }, ct)
            : await LinqPageAsync(queries.Paged(filter, after), filter, limit, ct);

        if (page.Any(r => r.Summary is null))
        {
            return await queries.ListAsync(filter, limit, cursor, errors, ct) is { } computed
                ? new StoredPage(JsonSerializer.SerializeToUtf8Bytes(computed, NewsJson.Options), computed.NextCursor)
                : null;
        }

        string? next = null;
        if (page.Count > limit)
        {
            page.RemoveAt(limit);
            next = ArticleQueries.NextCursor(filter, page[^1].PublishedAt, page[^1].Id);
        }

        return new StoredPage(Write(page, next), next);
    }

    /// <summary>A page of any other filter, through LINQ: the same keys and order as <see cref="SummaryPageStatement"/>.</summary>
    private Task<List<StoredRow>> LinqPageAsync(IQueryable<Article> query, ArticleFilter filter, int limit, CancellationToken ct)
    {
        // The page's keys first, its summaries joined to those alone: joined before the limit, PostgreSQL read
        // the summary of every article the filter matched (an entity named in 200 articles: 200 documents for 21).
        var keys = (filter.Ascending
                ? query.OrderBy(a => a.PublishedAt).ThenBy(a => a.Id)
                : query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id))
            .Select(a => new { a.Id, a.PublishedAt }).Take(limit + 1);
        var rows = from k in keys
                   join d in db.ArticleDocuments on k.Id equals d.Id into documents
                   from d in documents.DefaultIfEmpty()
                   select new StoredRow { Id = k.Id, PublishedAt = k.PublishedAt, Summary = d != null ? d.Summary : null };
        rows = filter.Ascending
            ? rows.OrderBy(r => r.PublishedAt).ThenBy(r => r.Id)
            : rows.OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id);
        return rows.ToListAsync(ct);
    }

    private static byte[] Write(List<StoredRow> page, string? next)
    {
        var buffer = new ArrayBufferWriter<byte>(page.Sum(r => r.Summary!.Length + 1) + 64);
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = NewsJson.Options.Encoder }))
        {
            json.WriteStartObject();
            json.WriteStartArray("items");
            foreach (var row in page)
            {
                json.WriteRawValue(row.Summary!, skipInputValidation: true);
            }

            json.WriteEndArray();
            json.WriteString("nextCursor", next);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A stored document as read: whole, or a frame and its links (<see cref="StoredDocumentFrame"/>).</summary>
    private sealed record DocumentRow(int Id, byte[]? Full, string? FullETag, int? LinksAt, byte[]? Links)
    {
        /// <summary>The document readers get, with the ETag of its bytes; null when it is not rendered.</summary>
        public WrittenArticle? Whole() => (Full, FullETag, LinksAt, Links) switch
        {
            ({ } full, { } etag, null, _) => new WrittenArticle(Id, full, etag),
            ({ } full, { } etag, { } at, _) when !StoredDocumentFrame.IsFrame(full, at) => new WrittenArticle(Id, full, etag),
            ({ } frame, _, { } at, { } links) => Spliced(StoredDocumentFrame.Compose(frame, at, links)),
            _ => null,
        };

        private WrittenArticle Spliced(byte[] whole) => new(Id, whole, ETags.ForBytes(whole));
    }

    private sealed class StoredRow
    {
        public int Id { get; init; }
        public DateTime PublishedAt { get; init; }
        public byte[]? Summary { get; init; }
    }
}

/// <summary>A page of summaries as the JSON to send, and its next cursor (for the Link header).</summary>
public sealed record StoredPage(byte[] Body, string? NextCursor);
