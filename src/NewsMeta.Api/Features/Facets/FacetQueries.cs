using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Search;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Facets;

/// <summary>
/// Facets of the articles matching the list filters and, optionally, a search query. Every count is a
/// GROUP BY over the matching ids in the database: one query per facet, so a fixed number of queries
/// (nine, with the total) whatever the size of the set. The histogram is bounded to
/// <see cref="MaxDays"/> days (the newest).
/// </summary>
public sealed class FacetQueries(NewsDbContext db, ArticleQueries articles, SearchIndex index)
{
    public const int MaxDays = 366;

    public async Task<FacetsDto> ComputeAsync(ArticleFilter filter, SearchQuery? query, int size, CancellationToken ct)
    {
        var matching = articles.Filtered(filter);
        if (query is { IsEmpty: false })
        {
            matching = matching.Join(index.Hits(query), a => a.Id, h => h.ArticleId, (a, h) => a);
        }

        var ids = matching.Select(a => a.Id);
        var total = await matching.CountAsync(ct);

        // One pass over the mentions for every type (not one per type); the top values of each type are
        // picked here. The rows are at most the entities the matching articles mention.
        var mentioned = await db.ArticleEntities.Where(ae => ids.Contains(ae.ArticleId))
            .GroupBy(ae => new { ae.EntityId, ae.Entity.Type, ae.Entity.Name })
            .Select(g => new { g.Key.EntityId, g.Key.Type, g.Key.Name, Count = g.Count() })
            .ToListAsync(ct);
        var entities = mentioned.GroupBy(m => m.Type).OrderBy(g => g.Key)
            .Select(g => new EntityFacetDto
            {
                Type = g.Key,
                Values = [.. g.OrderByDescending(m => m.Count).ThenBy(m => m.EntityId).Take(size)
                    .Select(m => new FacetValueDto { Id = m.EntityId, Name = m.Name, Count = m.Count })],
            })
            .ToList();

        var keywords = await db.ArticleKeywords.Where(ak => ids.Contains(ak.ArticleId))
            .GroupBy(ak => new { ak.KeywordId, ak.Keyword.Name })
            .Select(g => new { Id = g.Key.KeywordId, g.Key.Name, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Id).Take(size).ToListAsync(ct);
        var sources = await matching.GroupBy(a => new { a.SourceId, a.Source.Name })
            .Select(g => new { Id = g.Key.SourceId, g.Key.Name, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Id).Take(size).ToListAsync(ct);
        var credits = await db.ArticleCredits.Where(c => ids.Contains(c.ArticleId))
            .GroupBy(c => new { c.SourceId, c.Source.Name })
            .Select(g => new { Id = g.Key.SourceId, g.Key.Name, Count = g.Select(c => c.ArticleId).Distinct().Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Id).Take(size).ToListAsync(ct);
        var bylines = await db.ArticleBylines.Where(b => b.EntityId != null && ids.Contains(b.ArticleId))
            .GroupBy(b => new { b.EntityId, b.Entity!.Name })
            .Select(g => new { Id = g.Key.EntityId!.Value, g.Key.Name, Count = g.Select(b => b.ArticleId).Distinct().Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Id).Take(size).ToListAsync(ct);
        // Every level: an article in a sub-section counts for the sections above it too (ArticleSection).
        var sections = await db.ArticleSections.Where(x => ids.Contains(x.ArticleId))
            .GroupBy(x => new { x.SectionId, x.Section.Path })
            .Select(g => new { Id = g.Key.SectionId, g.Key.Path, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Id).Take(size).ToListAsync(ct);
        var languages = await matching.GroupBy(a => a.Language)
            .Select(g => new { Name = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Name).Take(size).ToListAsync(ct);
        var days = await matching.GroupBy(a => a.PublishedAt.Date)
            .Select(g => new { Day = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Day).Take(MaxDays).ToListAsync(ct);

        return new FacetsDto
        {
            Total = total,
            Entities = entities,
            Keywords = [.. keywords.Select(k => new FacetValueDto { Id = k.Id, Name = k.Name, Count = k.Count })],
            Sources = [.. sources.Select(s => new FacetValueDto { Id = s.Id, Name = s.Name, Count = s.Count })],
            Credits = [.. credits.Select(s => new FacetValueDto { Id = s.Id, Name = s.Name, Count = s.Count })],
            Bylines = [.. bylines.Select(b => new FacetValueDto { Id = b.Id, Name = b.Name, Count = b.Count })],
            Sections = [.. sections.Select(x => new FacetValueDto { Id = x.Id, Name = x.Path, Count = x.Count })],
            Languages = [.. languages.Select(l => new FacetValueDto { Name = l.Name, Count = l.Count })],
            PublishedPerDay = [.. days.OrderBy(d => d.Day).Select(d => new FacetValueDto { Name = d.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Count = d.Count })],
        };
    }
}
