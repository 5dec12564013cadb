using Mapster;

namespace NewsMeta.Api.Features.Articles;

/// <summary>Entity → DTO projections; ordered children follow the publisher's positions.</summary>
public sealed class ArticleMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Article, ArticleSummaryDto>().MapSummaryMembers();

        config.NewConfig<Article, ArticleDto>()
            .MapSummaryMembers()
            .Map(d => d.Entities, s => s.Entities.OrderBy(e => e.Position).ThenBy(e => e.EntityId)
                .Select(e => new ArticleEntityDto { Id = e.Entity.Id, Name = e.Entity.Name, Type = e.Entity.Type, Mentions = e.Mentions, MatchedAlias = e.MatchedAlias, Origin = e.Origin }).ToList())
            .Map(d => d.Links, s => s.Links.OrderBy(l => l.Position).ThenBy(l => l.Id))
            .Map(d => d.Media, s => s.Media.OrderBy(m => m.Position)
                .Select(m => new MediaDto { Kind = m.Kind, Url = m.Url, Caption = m.Caption, Credit = m.Credit, AltText = m.AltText, Width = m.Width, Height = m.Height, MimeType = m.MimeType }).ToList())
            .Map(d => d.Sections, s => s.Sections.Where(x => x.IsGiven).OrderBy(x => x.Position)
                .Select(x => new SectionRefDto { Id = x.Section.Id, Name = x.Section.Name, Path = x.Section.Path }).ToList());

        // A stored target wins over what the link was given, so titles and urls follow the target's edits.
        config.NewConfig<ArticleLink, ArticleLinkDto>()
            .Map(d => d.TargetId, s => s.TargetArticleId)
            .Map(d => d.TargetExternalId, s => s.TargetArticle != null ? s.TargetArticle.ExternalId : s.TargetExternalId)
            .Map(d => d.Title, s => s.TargetArticle != null ? s.TargetArticle.Title : s.Title)
            .Map(d => d.Url, s => s.TargetArticle != null ? s.TargetArticle.Url : s.TargetUrl);

        // Reasons are one JSON column: copied as they are, never taken apart in SQL.
        config.NewConfig<LinkReasons, LinkReasons>().MapWith(r => r);

        config.NewConfig<ArticleLink, ArticleLoaders.LinkWithOwner>()
            .Map(d => d.Link, s => s);
    }
}

/// <summary>
/// The summary's members, for every DTO that extends <see cref="ArticleSummaryDto"/> (the full article, a
/// search result). Each config calls this itself instead of Mapster's <c>Inherits</c>: <c>Inherits</c> copies
/// the base config only if it is already registered, and <c>Scan</c> registers the features' mappings in no
/// set order. A search result mapped before the summary's config existed got its credits and keywords mapped
/// by name from the join rows: <c>{"id": 0, "name": null}</c>.
/// </summary>
public static class ArticleSummaryMapping
{
    public static TypeAdapterSetter<Article, TDto> MapSummaryMembers<TDto>(this TypeAdapterSetter<Article, TDto> setter)
        where TDto : ArticleSummaryDto =>
        setter
            .Map(d => d.Source, s => new SourceRefDto { Id = s.Source.Id, Name = s.Source.Name, Kind = s.Source.Kind })
            .Map(d => d.Credits, s => s.Credits.OrderBy(c => c.Position)
                .Select(c => new SourceRefDto { Id = c.Source.Id, Name = c.Source.Name, Kind = c.Source.Kind }).ToList())
            .Map(d => d.Keywords, s => s.Keywords.OrderBy(k => k.Position)
                .Select(k => new KeywordRefDto { Id = k.Keyword.Id, Name = k.Keyword.Name, Origin = k.Origin }).ToList())
            .Map(d => d.Bylines, s => s.Bylines.OrderBy(b => b.Position)
                .Select(b => new BylineDto { Name = b.Name, Role = b.Role, EntityId = b.EntityId }).ToList())
            .Map(d => d.Image, s => s.Media.Where(m => m.IsLead)
                .Select(m => new MediaDto { Kind = m.Kind, Url = m.Url, Caption = m.Caption, Credit = m.Credit, AltText = m.AltText, Width = m.Width, Height = m.Height, MimeType = m.MimeType }).FirstOrDefault());
}
