using Mapster;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Paging;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles;

/// <summary>Read side of articles: filtered keyset pages and single articles, projected to DTOs.</summary>
public sealed class ArticleQueries(NewsDbContext db, TypeAdapterConfig mapping)
{
    private const string DescScope = "a-";
    private const string AscScope = "a+";

    /// <summary>
    /// One page of article summaries, newest first unless ascending. Keyset pagination on
    /// (publishedAt, id): walking the pages yields each match once even while articles are added.
    /// Runs a fixed number of SQL commands whatever the page size (main rows, credits, keywords).
    /// </summary>
    public async Task<Page<ArticleSummaryDto>?> ListAsync(ArticleFilter filter, int limit, string? cursor, QueryErrors errors, CancellationToken ct)
    {
        if (Paged(filter, cursor, errors) is not { } query)
        {
            return null;
        }

        query = filter.Ascending
            ? query.OrderBy(a => a.PublishedAt).ThenBy(a => a.Id)
            : query.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);
        var rows = await query.Take(limit + 1).AsSplitQuery().ProjectToType<ArticleSummaryDto>(mapping).ToListAsync(ct);
        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            var last = rows[^1];
            next = NextCursor(filter, last.PublishedAt, last.Id);
        }

        return new Page<ArticleSummaryDto> { Items = rows, NextCursor = next };
    }

    /// <summary>The filter's matches after the cursor, unordered; null (with an error) when the cursor is not this list's.</summary>
    public IQueryable<Article>? Paged(ArticleFilter filter, string? cursor, QueryErrors errors)
    {
        return TryAfter(filter, cursor, errors, out var after) ? Paged(filter, after) : null;
    }

    /// <summary>The filter's matches after (publishedAt, id), unordered; all of them without it.</summary>
    public IQueryable<Article> Paged(ArticleFilter filter, (DateTime At, int Id)? after)
    {
        var query = Filtered(filter);
        if (after is not var (at, lastId))
        {
            return query;
        }

        return filter.Ascending
            ? query.Where(a => a.PublishedAt > at || (a.PublishedAt == at && a.Id > lastId))
            : query.Where(a => a.PublishedAt < at || (a.PublishedAt == at && a.Id < lastId));
    }

    /// <summary>
    /// The last (publishedAt, id) of the page before, from the cursor (null without one); false, with an
    /// error, when the cursor is not this list's.
    /// </summary>
    public static bool TryAfter(ArticleFilter filter, string? cursor, QueryErrors errors, out (DateTime At, int Id)? after)
    {
        after = null;
        if (cursor is null)
        {
            return true;
        }

        if (!Cursor.TryDecode(cursor, Scope(filter), out var ticks, out var lastId) || ticks < 0 || ticks > DateTime.MaxValue.Ticks)
        {
            errors.Add("cursor", "is not a cursor of this list; start again without it");
            return false;
        }

        after = (new DateTime(ticks, DateTimeKind.Utc), lastId);
        return true;
    }

    /// <summary>The cursor of the page after the one ending at (<paramref name="publishedAt"/>, <paramref name="id"/>).</summary>
    public static string NextCursor(ArticleFilter filter, DateTime publishedAt, int id) => Cursor.Encode(Scope(filter), publishedAt.Ticks, id);

    private static string Scope(ArticleFilter filter) => filter.Ascending ? AscScope : DescScope;

    /// <summary>
    /// The articles a reader may see, untracked: where every read of articles starts (lists, single articles,
    /// stored documents), so a visibility rule added here holds for all of them.
    /// </summary>
    public IQueryable<Article> Readable() => db.Articles.AsNoTracking();

    public Task<ArticleDto?> GetAsync(int id, CancellationToken ct) =>
        Readable().Where(a => a.Id == id).AsSplitQuery().ProjectToType<ArticleDto>(mapping).FirstOrDefaultAsync(ct);

    /// <summary>Several articles by id, in one set of statements (the read-back of a group commit).</summary>
    public Task<List<ArticleDto>> GetManyAsync(IReadOnlyCollection<int> ids, CancellationToken ct) =>
        db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).AsSplitQuery().ProjectToType<ArticleDto>(mapping).ToListAsync(ct);

    public Task<ArticleDto?> GetByExternalIdAsync(string externalId, CancellationToken ct) =>
        Readable().Where(a => a.ExternalId == externalId).AsSplitQuery().ProjectToType<ArticleDto>(mapping).FirstOrDefaultAsync(ct);

    /// <summary>The article's outgoing links (optionally one kind), or null when the article does not exist.</summary>
    public async Task<List<ArticleLinkDto>?> LinksAsync(int id, LinkKind? kind, CancellationToken ct)
    {
        if (!await db.Articles.AnyAsync(a => a.Id == id, ct))
        {
            return null;
        }

        var links = db.ArticleLinks.AsNoTracking().Where(l => l.ArticleId == id);
        if (kind is { } k)
        {
            links = links.Where(l => l.Kind == k);
        }

        return await links.OrderBy(l => l.Position).ProjectToType<ArticleLinkDto>(mapping).ToListAsync(ct);
    }

    public IQueryable<Article> Filtered(ArticleFilter filter)
    {
        var query = Readable();
        foreach (var entityId in filter.EntityIds)
        {
            query = query.Where(a => a.Entities.Any(e => e.EntityId == entityId));
        }

        foreach (var keywordId in filter.KeywordIds)
        {
            query = query.Where(a => a.Keywords.Any(k => k.KeywordId == keywordId));
        }

        if (filter.SourceIds.Count > 0)
        {
            var sourceIds = filter.SourceIds;
            query = query.Where(a => sourceIds.Contains(a.SourceId));
        }

        if (filter.CreditIds.Count > 0)
        {
            var creditIds = filter.CreditIds;
            query = query.Where(a => a.Credits.Any(c => creditIds.Contains(c.SourceId)));
        }

        if (filter.BylineIds.Count > 0)
        {
            var bylineIds = filter.BylineIds;
            query = query.Where(a => a.Bylines.Any(b => b.EntityId != null && bylineIds.Contains(b.EntityId.Value)));
        }

        if (filter.SectionIds.Count > 0)
        {
            // An article is in every section above the one it was given (ArticleSection): sub-sections come with one equality.
            var sectionIds = filter.SectionIds;
            query = query.Where(a => a.Sections.Any(s => sectionIds.Contains(s.SectionId)));
        }

        if (filter.InSectionId is { } inSection)
        {
            query = query.Where(a => a.Sections.Any(s => s.SectionId == inSection));
        }

        if (filter.IsRepublication is { } republished)
        {
            query = republished ? query.Where(a => a.Credits.Any()) : query.Where(a => !a.Credits.Any());
        }

        if (filter.Language is not null)
        {
            query = query.Where(a => a.Language == filter.Language);
        }

        if (filter.PublishedFrom is { } from)
        {
            query = query.Where(a => a.PublishedAt >= from);
        }

        if (filter.PublishedTo is { } to)
        {
            query = query.Where(a => a.PublishedAt < to);
        }

        if (filter.UpdatedSince is { } since)
        {
            query = query.Where(a => a.ChangedAt >= since);
        }

        return query;
    }
}
