namespace NewsMeta.Api.Features.Articles;

/// <summary>Kind of link between articles.</summary>
public enum LinkKind
{
    Related,
    ReadAlso,
    Similar,
}

/// <summary>
/// An outgoing link. The target is kept as given (externalId, url, title) so that a link whose target
/// is not yet stored, or was deleted, stays unresolved rather than lost, and resolves when it arrives.
/// </summary>
public class ArticleLink
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public int Position { get; set; }
    public LinkKind Kind { get; set; }
    public int? TargetArticleId { get; set; }
    public Article? TargetArticle { get; set; }
    public string? TargetExternalId { get; set; }
    public string? TargetUrl { get; set; }
    public string? Title { get; set; }

    /// <summary>
    /// For a link given by title alone: that title as <see cref="Article.TitleKey"/> makes it, so the link
    /// resolves when an article with the same normalised title is stored (either may arrive first). Null
    /// on links given by externalId or url.
    /// </summary>
    public string? TargetTitleKey { get; set; }
    public double? Score { get; set; }

    /// <summary>What the score of a computed link is made of; null for publisher links.</summary>
    public LinkReasons? Reasons { get; set; }
    public Origin Origin { get; set; }
}
