namespace NewsMeta.Api.Features.Articles.Pipeline;

/// <summary>An article's publisher-given parts, built before the article has an id.</summary>
public sealed record ArticleParts(List<ArticleCredit> Credits, List<ArticleKeyword> Keywords, List<ArticleEntity> Entities, List<ArticleLink> Links)
{
    /// <summary>Gives the saved article its parts, with every key filled in from the saved rows they point at.</summary>
    public void AttachTo(Article article)
    {
        foreach (var credit in Credits)
        {
            (credit.ArticleId, credit.SourceId) = (article.Id, credit.Source.Id);
        }

        foreach (var keyword in Keywords)
        {
            (keyword.ArticleId, keyword.KeywordId) = (article.Id, keyword.Keyword.Id);
        }

        foreach (var entity in Entities)
        {
            (entity.ArticleId, entity.EntityId) = (article.Id, entity.Entity.Id);
        }

        foreach (var link in Links)
        {
            link.ArticleId = article.Id;
            link.TargetArticleId = link.TargetArticle?.Id ?? link.TargetArticleId;
        }

        (article.Credits, article.Keywords, article.Entities, article.Links) = (Credits, Keywords, Entities, Links);
    }
}
