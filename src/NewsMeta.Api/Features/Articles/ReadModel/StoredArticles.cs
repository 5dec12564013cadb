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
/// sends the stored bytes; a page of summaries is one statement in keyset order. What a reader may see is
/// decided in one place for both: the model's query filter on Article (pages start from
/// <see cref="ArticleQueries.Readable"/> and its filters; the compiled lookups apply the same filter).
/// An article whose document is not rendered yet (a store being backfilled) is computed as before.
/// </summary>
public sealed class StoredArticles(ArticleQueries queries, NewsDbContext db)
{
    /// <summary>The stored JSON of the article with this id; null when there is none.</summary>
    public Task<ETaggedJson<ArticleDto>?> ByIdAsync(int id, CancellationToken ct) => OneAsync(FindById(db, id, ct), ct);

    /// <summary>The stored JSON of the article with this externalId; null when there is none.</summary>
    public Task<ETaggedJson<ArticleDto>?> ByExternalIdAsync(string externalId, CancellationToken ct) => OneAsync(FindByExternalId(db, externalId, ct), ct);

    private async Task<ETaggedJson<ArticleDto>?> OneAsync(Task<StoredOne?> lookup, CancellationToken ct)
    {
        var found = await lookup;
        if (found is null)
        {
            return null;
        }

        if (found.Full is not null)
        {
            return ETaggedJson<ArticleDto>.Stored(found.Full, found.ETag!);
        }

        return await queries.GetAsync(found.Id, ct) is { } computed ? new ETaggedJson<ArticleDto>(computed) : null;
    }

    // Compiled once: the lookup an article read makes is cheap enough that translating its LINQ on every
    // request (parameter extraction and the query cache's lookup) cost a fifth of the service's CPU. The
    // visibility rule is the model's query filter on Article (ArticleVisibility), which compiled queries
    // apply as every other read of articles does.
    private static readonly Func<NewsDbContext, int, CancellationToken, Task<StoredOne?>> FindById = EF.CompileAsyncQuery(
        (NewsDbContext db, int id, CancellationToken ct) => (
            from a in db.Articles.AsNoTracking().Where(a => a.Id == id)
            join d in db.ArticleDocuments on a.Id equals d.Id into documents
            from d in documents.DefaultIfEmpty()
            select new StoredOne { Id = a.Id, Full = d != null ? d.Full : null, ETag = d != null ? d.FullETag : null }).FirstOrDefault());

    private static readonly Func<NewsDbContext, string, CancellationToken, Task<StoredOne?>> FindByExternalId = EF.CompileAsyncQuery(
        (NewsDbContext db, string externalId, CancellationToken ct) => (
            from a in db.Articles.AsNoTracking().Where(a => a.ExternalId == externalId)
            join d in db.ArticleDocuments on a.Id equals d.Id into documents
            from d in documents.DefaultIfEmpty()
            select new StoredOne { Id = a.Id, Full = d != null ? d.Full : null, ETag = d != null ? d.FullETag : null }).FirstOrDefault());

    private sealed class StoredOne
    {
        public int Id { get; init; }
        public byte[]? Full { get; init; }
        public string? ETag { get; init; }
    }

    /// <summary>
    /// A page of stored summaries as the JSON a <see cref="Page{T}"/> of <see cref="ArticleSummaryDto"/> is
    /// written as; null with errors for a bad cursor. A page with a summary not rendered yet is computed as before.
    /// </summary>
    public async Task<StoredPage?> PageAsync(ArticleFilter filter, int limit, string? cursor, QueryErrors errors, CancellationToken ct)
    {
        if (queries.Paged(filter, cursor, errors) is not { } query)
        {
            return null;
        }

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
        var page = await rows.ToListAsync(ct);
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

    private sealed class StoredRow
    {
        public int Id { get; init; }
        public DateTime PublishedAt { get; init; }
        public byte[]? Summary { get; init; }
    }
}

/// <summary>A page of summaries as the JSON to send, and its next cursor (for the Link header).</summary>
public sealed record StoredPage(byte[] Body, string? NextCursor);
