using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Paging;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;

namespace NewsMeta.Api.Features.Changes;

/// <summary>One entry of the change feed.</summary>
public sealed class ChangeDto
{
    /// <summary>created, updated or deleted.</summary>
    /// <example>updated</example>
    public required string Change { get; init; }

    /// <example>12</example>
    public int Id { get; init; }

    /// <example>shorouq-2026-03-22-book-fair-opens</example>
    public required string ExternalId { get; init; }

    /// <summary>When the store changed it (deletions: when it was deleted).</summary>
    public DateTime At { get; init; }

    /// <summary>The article as it is now; null for deletions.</summary>
    public ArticleDto? Article { get; init; }
}

/// <summary>A page of the change feed; poll again with <see cref="NextSince"/>.</summary>
public sealed class ChangePage
{
    public required List<ChangeDto> Items { get; init; }

    /// <summary>Pass as since on the next poll (the same token when nothing changed).</summary>
    public string? NextSince { get; init; }
}

/// <summary>
/// Articles created, updated and deleted, in the order the store changed them: articles by
/// (ChangedAt, id), tombstones by (DeletedAt, id), merged on time (at equal times articles first).
/// An updated article appears once, at its latest change; one deleted since the token appears as its
/// tombstone only. Applying the pages in order reproduces the store: upsert created/updated, delete deleted.
/// </summary>
public sealed class ChangeFeed(NewsDbContext db, TypeAdapterConfig mapping, IOptions<ChangeFeedOptions> options, TimeProvider clock)
{
    private const string Scope = "chg";

    /// <summary>The page after <paramref name="since"/>, or null with <paramref name="errors"/> filled (bad token); throws <see cref="TokenExpiredException"/> for an expired one.</summary>
    public async Task<ChangePage?> PageAsync(string? since, int limit, QueryErrors errors, CancellationToken ct)
    {
        var (at, kind, id) = (DateTime.MinValue, 0, 0);
        if (since is not null)
        {
            if (!Cursor.TryDecode(since, Scope, out var ticks, out var position) || ticks < 0 || ticks > DateTime.MaxValue.Ticks)
            {
                errors.Add("since", "is not a token of this feed; start again without it");
                return null;
            }

            (at, kind, id) = (new DateTime(ticks, DateTimeKind.Utc), position & 1, position >> 1);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (since is not null && at < now.AddDays(-options.Value.TombstoneDays))
        {
            throw new TokenExpiredException();
        }

        var upTo = now.AddSeconds(-(options.Value.SettleSeconds ?? db.Dialect.DefaultSettleSeconds));
        var articleId = kind == 0 ? id : int.MaxValue;
        var articles = await db.Articles.AsNoTracking()
            .Where(a => a.ChangedAt <= upTo && (a.ChangedAt > at || (a.ChangedAt == at && a.Id > articleId)))
            .OrderBy(a => a.ChangedAt).ThenBy(a => a.Id).Take(limit + 1)
            .Select(a => new Entry(a.ChangedAt, 0, a.Id, a.Id, a.ExternalId, a.Version, a.ReleasedVersion)).ToListAsync(ct);
        var tombstoneId = kind == 1 ? id : 0;
        var seesUnreleased = Articles.ArticleVisibility.CallerSeesEmbargoed;
        var tombstones = await db.ArticleTombstones.AsNoTracking()
            .Where(t => (seesUnreleased || !t.Unreleased) && t.DeletedAt <= upTo && (t.DeletedAt > at || (t.DeletedAt == at && (kind == 0 || t.Id > tombstoneId))))
            .OrderBy(t => t.DeletedAt).ThenBy(t => t.Id).Take(limit + 1)
            .Select(t => new Entry(t.DeletedAt, 1, t.Id, t.ArticleId, t.ExternalId, 0, null)).ToListAsync(ct);

        var page = articles.Concat(tombstones).OrderBy(e => e.At).ThenBy(e => e.Kind).ThenBy(e => e.Key).Take(limit).ToList();
        var ids = page.Where(e => e.Kind == 0).Select(e => e.Key).ToList();
        var full = ids.Count == 0 ? [] : await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id)).AsSplitQuery()
            .ProjectToType<ArticleDto>(mapping).ToDictionaryAsync(a => a.Id, ct);

        return new ChangePage
        {
            Items = [.. page.Select(e => new ChangeDto
            {
                // Readers first see an embargoed article at its release (its changedAt then): created, as a new one is.
                Change = e.Kind == 1 ? "deleted" : e.Version == 1 || e.Version == e.ReleasedVersion ? "created" : "updated",
                Id = e.ArticleId,
                ExternalId = e.ExternalId,
                At = e.At,
                Article = e.Kind == 0 ? full.GetValueOrDefault(e.ArticleId) : null,
            })],
            NextSince = page.Count == 0 ? since : Cursor.Encode(Scope, page[^1].At.Ticks, (page[^1].Key << 1) | page[^1].Kind),
        };
    }

    private sealed record Entry(DateTime At, int Kind, int Key, int ArticleId, string ExternalId, int Version, int? ReleasedVersion);
}

/// <summary>The token is older than the tombstones kept: deletions may have been forgotten since.</summary>
public sealed class TokenExpiredException : Exception
{
    public TokenExpiredException()
        : base("The since token is older than the deletions this store keeps.")
    {
    }

    public TokenExpiredException(string message)
        : base(message)
    {
    }

    public TokenExpiredException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
