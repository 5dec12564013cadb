namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>What a write does to an article's embargo, and so to who sees it (<see cref="ArticleVisibility"/>).</summary>
internal static class Embargo
{
    /// <summary>
    /// After the version is bumped: an embargo still in the future hides the article from readers (again,
    /// if they saw it before); otherwise an article readers have not seen yet is released with this version.
    /// </summary>
    public static void Apply(Article article, DateTime? embargoUntil, DateTime now)
    {
        article.EmbargoUntil = embargoUntil;
        if (embargoUntil > now)
        {
            article.ReleasedVersion = null;
        }
        else
        {
            article.ReleasedVersion ??= article.Version;
        }
    }
}
