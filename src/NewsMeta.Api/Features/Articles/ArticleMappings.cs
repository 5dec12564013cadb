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
                .Select(k => new KeywordRefDto { Id = k.Keyword.Id, Name = k.Keyword.Name }).ToList());

        config.NewConfig<Article, ArticleDto>()
            .Inherits<Article, ArticleSummaryDto>()
            .Map(d => d.Entities, s => s.Entities.OrderBy(e => e.Position)
                .Select(e => new ArticleEntityDto { Id = e.Entity.Id, Name = e.Entity.Name, Type = e.Entity.Type, Mentions = e.Mentions, Origin = e.Origin }).ToList())
            .Map(d => d.Links, s => s.Links.OrderBy(l => l.Position)
                .Select(l => new ArticleLinkDto
                {
                    Kind = l.Kind,
                    TargetId = l.TargetArticleId,
                    TargetExternalId = l.TargetArticle != null ? l.TargetArticle.ExternalId : l.TargetExternalId,
                    Title = l.TargetArticle != null ? l.TargetArticle.Title : l.Title,
                    Url = l.TargetArticle != null ? l.TargetArticle.Url : l.TargetUrl,
                    Score = l.Score,
                    Origin = l.Origin,
                }).ToList());
    }
}
