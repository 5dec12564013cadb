using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Ingestion;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Sections;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Articles;

/// <summary>
/// Stores what a news card shows besides the text: subtitle, word count and reading time (scalars), and the
/// bylines, media and sections (parts). Called by <see cref="ArticleWriter"/> inside its transaction; the parts
/// of an updated article are replaced, as its credits are.
/// </summary>
public static class ArticleFurnitureWriter
{
    /// <summary>The scalars, from the validated record (the article's title, body and language already set).</summary>
    public static void ApplyScalars(Article article, ArticleRecord record)
    {
        article.Subtitle = string.IsNullOrWhiteSpace(record.Subtitle) ? null : record.Subtitle.Trim();
        article.WordCount = WordCount.Count(article.Title) + WordCount.Count(article.Subtitle) + WordCount.Count(article.Body);
        article.ReadingTimeMinutes = WordCount.ReadingMinutes(article.WordCount, article.Language);
    }

    /// <summary>
    /// Replaces the bylines, media and sections of the written articles (saved, so with ids). Byline names
    /// resolve to person entities through the entity catalogue, section paths to the section tree.
    /// </summary>
    public static async Task StoreAsync(NewsDbContext db, EntityCatalog entities, IReadOnlyList<(Article Article, ArticleRecord Record)> written, CancellationToken ct)
    {
        var updatedIds = written.Where(w => w.Article.Version > 1).Select(w => w.Article.Id).ToList();
        if (updatedIds.Count > 0)
        {
            await db.ArticleBylines.Where(b => updatedIds.Contains(b.ArticleId)).ExecuteDeleteAsync(ct);
            await db.ArticleMedia.Where(m => updatedIds.Contains(m.ArticleId)).ExecuteDeleteAsync(ct);
            await db.ArticleSections.Where(s => updatedIds.Contains(s.ArticleId)).ExecuteDeleteAsync(ct);
        }

        var bylineInputs = written.SelectMany(w => w.Record.Bylines ?? [])
            .Select(b => new EntityMentionInput(b.Name!, EntityType.Person, [])).ToList();
        var people = bylineInputs.Count == 0 ? [] : await entities.ResolveAsync(bylineInputs, ct);
        var paths = written.SelectMany(w => w.Record.Sections ?? []).ToList();
        var sections = paths.Count == 0 ? [] : await new SectionCatalog(db).ResolveAsync(paths, ct);
        if (people.Count > 0 || sections.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        var bylines = new List<ArticleByline>();
        var media = new List<ArticleMedia>();
        var memberships = new List<ArticleSection>();
        var person = 0;
        foreach (var (article, record) in written)
        {
            var signed = new HashSet<int>();
            foreach (var (byline, i) in (record.Bylines ?? []).Select((b, i) => (b, i)))
            {
                var entityId = people[person++].Id;
                bylines.Add(new ArticleByline
                {
                    ArticleId = article.Id,
                    Position = i,
                    Name = DisplayNames.Clean(byline.Name!),
                    Role = EnumNames.TryParse<BylineRole>(byline.Role, out var role) ? role : BylineRole.Other,
                    EntityId = entityId,
                    IsFirstOfPerson = signed.Add(entityId),
                });
            }

            media.AddRange(MediaOf(article.Id, record.Media ?? []));
            memberships.AddRange(SectionsOf(article.Id, record.Sections ?? [], sections));
        }

        await db.InsertAsync(bylines, ct);
        await db.InsertAsync(media, ct);
        await db.InsertAsync(memberships, ct);
    }

    private static IEnumerable<ArticleMedia> MediaOf(int articleId, List<MediaRecord> records)
    {
        var leadGiven = false;
        for (var i = 0; i < records.Count; i++)
        {
            var m = records[i];
            var kind = EnumNames.TryParse<MediaKind>(m.Kind, out var k) ? k : MediaKind.Image;
            var isLead = kind == MediaKind.Image && !leadGiven;
            leadGiven |= isLead;
            yield return new ArticleMedia
            {
                ArticleId = articleId,
                Position = i,
                Kind = kind,
                Url = m.Url!,
                Caption = Blank(m.Caption),
                Credit = Blank(m.Credit),
                AltText = Blank(m.AltText),
                Width = m.Width,
                Height = m.Height,
                MimeType = Blank(m.MimeType)?.ToLowerInvariant(),
                IsLead = isLead,
            };
        }
    }

    /// <summary>Each given path's section, and every section above it (once per article; a given path wins).</summary>
    private static List<ArticleSection> SectionsOf(int articleId, List<string> paths, Dictionary<string, Section> sections)
    {
        var rows = new Dictionary<int, ArticleSection>();
        for (var position = 0; position < paths.Count; position++)
        {
            var levels = SectionCatalog.LevelsOf(paths[position]);
            for (var depth = 0; depth < levels.Count; depth++)
            {
                var section = sections[levels[depth].Key];
                var given = depth == levels.Count - 1;
                if (!rows.TryGetValue(section.Id, out var row))
                {
                    rows[section.Id] = new ArticleSection { ArticleId = articleId, SectionId = section.Id, IsGiven = given, Position = position };
                }
                else if (given && !row.IsGiven)
                {
                    (row.IsGiven, row.Position) = (true, position);
                }
            }
        }

        return [.. rows.Values];
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
