using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Ingestion;

namespace NewsMeta.Api.Features.Articles;

/// <summary>
/// A stored article a link given by title alone may point at. One agency story republished by several
/// newspapers shares its title, so the choice prefers the linking article's publisher, then the closest
/// publication time (then the lowest id, so the choice does not depend on the order of arrival).
/// </summary>
public sealed record TitleTarget(int Id, string TitleKey, int SourceId, DateTime PublishedAt)
{
    /// <summary>The title key a link resolves by: only for a link with neither externalId nor url.</summary>
    public static string? KeyOf(LinkRecord link) =>
        link.ExternalId is null && link.Url is null && !string.IsNullOrWhiteSpace(link.Title) ? Article.TitleKey(link.Title) : null;

    /// <summary>The best of <paramref name="candidates"/> for a link of the article <paramref name="fromId"/> (never itself).</summary>
    public static int? Best(IEnumerable<TitleTarget> candidates, int fromId, int fromSourceId, DateTime fromPublishedAt) =>
        candidates.Where(c => c.Id != fromId)
            .OrderBy(c => c.SourceId == fromSourceId ? 0 : 1)
            .ThenBy(c => (c.PublishedAt - fromPublishedAt).Duration())
            .ThenBy(c => c.Id)
            .Select(c => (int?)c.Id)
            .FirstOrDefault();

    /// <summary>The stored articles with these normalised titles (indexed lookup).</summary>
    public static Task<List<TitleTarget>> StoredAsync(NewsDbContext db, IReadOnlyCollection<string> keys, CancellationToken ct) =>
        db.Articles.Where(a => a.NormalizedTitle != null && a.ReleasedVersion != null && keys.Contains(a.NormalizedTitle))
            .Select(a => new TitleTarget(a.Id, a.NormalizedTitle!, a.SourceId, a.PublishedAt)).ToListAsync(ct);
}
