using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Sections;
using NewsMeta.Api.GraphQL;

namespace NewsMeta.Api.Features.Articles;

/// <summary>
/// The batch loaders of a GraphQL Article's bylines, media, lead image and sections (one instance per
/// request): one SQL command per query level each, whatever the number of articles on the page.
/// </summary>
public sealed class ArticleFurnitureLoaders
{
    public ArticleFurnitureLoaders(NewsDbContext db, SectionQueries sections)
    {
        Bylines = new(async (ids, ct) => Group(await db.ArticleBylines.AsNoTracking().Where(b => ids.Contains(b.ArticleId))
            .OrderBy(b => b.ArticleId).ThenBy(b => b.Position)
            .Select(b => new { b.ArticleId, Byline = new BylineDto { Name = b.Name, Role = b.Role, EntityId = b.EntityId } })
            .ToListAsync(ct), b => b.ArticleId, b => b.Byline), []);

        Media = new(async (ids, ct) => Group(await db.ArticleMedia.AsNoTracking().Where(m => ids.Contains(m.ArticleId))
            .OrderBy(m => m.ArticleId).ThenBy(m => m.Position)
            .Select(m => new { m.ArticleId, Item = new MediaDto { Kind = m.Kind, Url = m.Url, Caption = m.Caption, Credit = m.Credit, AltText = m.AltText, Width = m.Width, Height = m.Height, MimeType = m.MimeType } })
            .ToListAsync(ct), m => m.ArticleId, m => m.Item), []);

        LeadImages = new(async (ids, ct) => await db.ArticleMedia.AsNoTracking().Where(m => m.IsLead && ids.Contains(m.ArticleId))
            .Select(m => new { m.ArticleId, Item = new MediaDto { Kind = m.Kind, Url = m.Url, Caption = m.Caption, Credit = m.Credit, AltText = m.AltText, Width = m.Width, Height = m.Height, MimeType = m.MimeType } })
            .ToDictionaryAsync(m => m.ArticleId, m => (MediaDto?)m.Item, ct), null);

        Sections = new(async (ids, ct) =>
        {
            var visible = db.ArticleSections.VisibleToCaller(db, y => y.ArticleId);
            return Group(await db.ArticleSections.AsNoTracking().Where(x => x.IsGiven && ids.Contains(x.ArticleId))
                .OrderBy(x => x.ArticleId).ThenBy(x => x.Position)
                .Select(x => new { x.ArticleId, Section = new SectionDto { Id = x.Section.Id, Name = x.Section.Name, Path = x.Section.Path, ParentId = x.Section.ParentId, ArticleCount = visible.Count(y => y.SectionId == x.SectionId) } })
                .ToListAsync(ct), x => x.ArticleId, x => x.Section);
        }, []);

        SectionsById = new(async (ids, ct) => (await sections.ByIdsAsync(ids, ct)).ToDictionary(s => s.Key, s => (SectionDto?)s.Value), null);
    }

    public BatchLoader<int, IReadOnlyList<BylineDto>> Bylines { get; }
    public BatchLoader<int, IReadOnlyList<MediaDto>> Media { get; }
    public BatchLoader<int, MediaDto?> LeadImages { get; }
    public BatchLoader<int, IReadOnlyList<SectionDto>> Sections { get; }
    public BatchLoader<int, SectionDto?> SectionsById { get; }

    private static Dictionary<int, IReadOnlyList<TOut>> Group<TRow, TOut>(List<TRow> rows, Func<TRow, int> key, Func<TRow, TOut> value) =>
        rows.GroupBy(key).ToDictionary(g => g.Key, g => (IReadOnlyList<TOut>)g.Select(value).ToList());
}
