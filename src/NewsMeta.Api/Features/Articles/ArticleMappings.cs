using Mapster;

namespace NewsMeta.Api.Features.Articles;

/// <summary>Entity → DTO projections; ordered children follow the publisher's positions.</summary>
public sealed class ArticleMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Article, ArticleSummaryDto>()
            .Map(d => d.Source, s => new SourceRefDto { Id = s.Source.Id, Name = s.Source.Name, Kind = s.Source.Kind })
            .Map(d => d.Credits, s => s.Credits.OrderBy(c => c.Position)
                .Select(c => new SourceRefDto { Id = c.Source.Id, Name = c.Source.Name, Kind = c.Source.Kind }).ToList())
            .Map(d => d.Keywords, s => s.Keywords.OrderBy(k => k.Position)
                .Select(k => new KeywordRefDto { Id = k.Keyword.Id, Name = k.Keyword.Name, Origin = k.Origin }).ToList());

        config.NewConfig<Article, ArticleDto>()
            .Inherits<Article, ArticleSummaryDto>()
            .Map(d => d.Entities, s => s.Entities.OrderBy(e => e.Position)
                .Select(e => new ArticleEntityDto { Id = e.Entity.Id, Name = e.Entity.Name, Type = e.Entity.Type, Mentions = e.Mentions, MatchedAlias = e.MatchedAlias, Origin = e.Origin }).ToList())
            .Map(d => d.Links, s => s.Links.OrderBy(l => l.Position));

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
