using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Sources;

namespace NewsMeta.Api.Features.Ingestion;

/// <summary>
/// Streams articles back out in the interchange format, oldest change first, in keyset pages, so an
/// export of any size runs in constant memory. What it writes re-imports to the same store
/// (publisher-given keywords, entities and links only; entities with every alias the catalogue knows).
/// </summary>
public sealed class ArticleExporter(NewsDbContext db)
{
    private const int PageSize = 200;

    public async IAsyncEnumerable<ArticleRecord> ExportAsync(DateTime? updatedSince, [EnumeratorCancellation] CancellationToken ct)
    {
        var lastChanged = updatedSince ?? DateTime.MinValue;
        var lastId = 0;
        var first = true;
        while (true)
        {
            var from = lastChanged;
            var afterId = lastId;
            var query = db.Articles.AsNoTracking();
            query = first
                ? query.Where(a => a.ChangedAt >= from)
                : query.Where(a => a.ChangedAt > from || (a.ChangedAt == from && a.Id > afterId));
            var page = await query.OrderBy(a => a.ChangedAt).ThenBy(a => a.Id).Take(PageSize)
                .AsSplitQuery()
                .Select(a => new ExportRow(
                    a.Id,
                    a.ChangedAt,
                    a.ExternalId,
                    a.Url,
                    a.Title,
                    a.Summary,
                    a.Body,
                    a.Language,
                    a.PublishedAt,
                    a.UpdatedAt,
                    new SourceRow(a.Source.Name, a.Source.Kind),
                    a.Credits.OrderBy(c => c.Position).Select(c => new SourceRow(c.Source.Name, c.Source.Kind)).ToList(),
                    a.Keywords.Where(k => k.Origin == Origin.Publisher).OrderBy(k => k.Position).Select(k => k.Keyword.Name).ToList(),
                    a.Entities.Where(e => e.Origin == Origin.Publisher).OrderBy(e => e.Position).Select(e => new EntityRow(
                        e.Entity.Name, e.Entity.Type, e.Entity.Aliases.OrderBy(x => x.Id).Select(x => x.Name).ToList())).ToList(),
                    a.Links.Where(l => l.Origin == Origin.Publisher).OrderBy(l => l.Position).Select(l => new LinkRow(
                        l.TargetExternalId, l.TargetUrl, l.Title, l.Kind)).ToList(),
                    a.Subtitle,
                    a.Bylines.OrderBy(b => b.Position).Select(b => new BylineRow(b.Name, b.Role)).ToList(),
                    a.Media.OrderBy(m => m.Position).Select(m => new MediaRow(m.Kind, m.Url, m.Caption, m.Credit, m.AltText, m.Width, m.Height, m.MimeType)).ToList(),
                    a.Sections.Where(x => x.IsGiven).OrderBy(x => x.Position).Select(x => x.Section.Path).ToList(),
                    a.EmbargoUntil))
                .ToListAsync(ct);
            foreach (var row in page)
            {
                yield return row.ToRecord();
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            (lastChanged, lastId, first) = (page[^1].ChangedAt, page[^1].Id, false);
        }
    }

    private sealed record SourceRow(string Name, SourceKind Kind)
    {
        public SourceRecord ToRecord() => new() { Name = Name, Kind = EnumNames.ToName(Kind) };
    }

    private sealed record EntityRow(string Name, EntityType Type, List<string> Aliases)
    {
        public EntityRecord ToRecord() => new() { Name = Name, Type = EnumNames.ToName(Type), Aliases = Aliases };
    }

    private sealed record LinkRow(string? ExternalId, string? Url, string? Title, LinkKind Kind)
    {
        public LinkRecord ToRecord() => new() { ExternalId = ExternalId, Url = Url, Title = Title, Kind = EnumNames.ToName(Kind) };
    }

    private sealed record BylineRow(string Name, BylineRole Role)
    {
        public BylineRecord ToRecord() => new() { Name = Name, Role = EnumNames.ToName(Role) };
    }

    private sealed record MediaRow(MediaKind Kind, string Url, string? Caption, string? Credit, string? AltText, int? Width, int? Height, string? MimeType)
    {
        public MediaRecord ToRecord() => new()
        {
            Kind = EnumNames.ToName(Kind),
            Url = Url,
            Caption = Caption,
            Credit = Credit,
            AltText = AltText,
            Width = Width,
            Height = Height,
            MimeType = MimeType,
        };
    }

    /// <summary>What the query reads; enums stay enums in SQL and become the format's camelCase names here.</summary>
    private sealed record ExportRow(
        int Id, DateTime ChangedAt, string ExternalId, string? Url, string Title, string? Summary, string Body, string Language,
        DateTime PublishedAt, DateTime? UpdatedAt, SourceRow Source, List<SourceRow> Credits, List<string> Keywords,
        List<EntityRow> Entities, List<LinkRow> Links, string? Subtitle, List<BylineRow> Bylines, List<MediaRow> Media, List<string> Sections,
        DateTime? EmbargoUntil)
    {
        public ArticleRecord ToRecord() => new()
        {
            ExternalId = ExternalId,
            Url = Url,
            Title = Title,
            Summary = Summary,
            Body = Body,
            Language = Language,
            PublishedAt = PublishedAt,
            UpdatedAt = UpdatedAt,
            Source = Source.ToRecord(),
            Credits = Credits.ConvertAll(c => c.ToRecord()),
            Keywords = Keywords,
            Entities = Entities.ConvertAll(e => e.ToRecord()),
            Links = Links.ConvertAll(l => l.ToRecord()),

            // Optional fields stay out of the line when the article has none, as in the files they came from.
            Subtitle = Subtitle,
            Bylines = Bylines.Count == 0 ? null : Bylines.ConvertAll(b => b.ToRecord()),
            Media = Media.Count == 0 ? null : Media.ConvertAll(m => m.ToRecord()),
            Sections = Sections.Count == 0 ? null : Sections,
            EmbargoUntil = EmbargoUntil,
        };
    }
}
