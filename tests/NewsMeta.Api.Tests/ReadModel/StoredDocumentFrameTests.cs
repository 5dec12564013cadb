using System.Text;
using System.Text.Json;
using NewsMeta.Api.Common.Json;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Articles.ReadModel;

namespace NewsMeta.Api.Tests.ReadModel;

/// <summary>
/// A document stored as a frame and its links reads back as the whole document, byte for byte, whatever the
/// text holds, and GraphQL's relations read from the two parts as from the whole.
/// </summary>
public sealed class StoredDocumentFrameTests
{
    [Theory]
    [InlineData("عنوان عادي", "نص")]
    [InlineData("\"links\":[] في العنوان", "والنص يقول \"links\":[] أيضا")]
    [InlineData("links", "{\"links\":[]}")]
    public void A_frame_and_its_links_splice_into_the_whole_document(string title, string body)
    {
        var article = WithText(StoredArticlePartsTests.Article(), title, body);
        var (whole, summary, parts) = ArticleDocumentWriter.Serialize(article);

        var (document, links) = ArticleDocumentWriter.Store(article);

        Assert.NotNull(document.LinksAt);
        Assert.Equal(Encoding.UTF8.GetString(whole), Encoding.UTF8.GetString(StoredDocumentFrame.Compose(document.Full, document.LinksAt.Value, links.Links)));
        Assert.Equal(summary, document.Summary);
        Assert.Equal(2, article.Links.Count);
        Assert.Equal(JsonSerializer.Serialize(article.Links, NewsJson.Options), Encoding.UTF8.GetString(links.Links));
        Assert.Equal(JsonSerializer.Serialize(StoredArticleParts.Parse(parts), NewsJson.Options),
            JsonSerializer.Serialize(StoredArticleParts.Parse(document.Parts!, links.Links), NewsJson.Options));
        Assert.Empty(StoredArticleParts.Parse(document.Parts!).Links);
        Assert.DoesNotContain("\"reasons\":{", Encoding.UTF8.GetString(links.PartsLinks!), StringComparison.Ordinal);
        Assert.Equal(JsonSerializer.Serialize(StoredArticleParts.Parse(parts), NewsJson.Options),
            JsonSerializer.Serialize(StoredArticleParts.Parse(document.Parts!, links.PartsLinks), NewsJson.Options));
    }

    [Fact]
    public void An_article_without_links_stores_an_empty_list()
    {
        var article = StoredArticlePartsTests.Article();
        article.Links.Clear();
        var (document, links) = ArticleDocumentWriter.Store(article);

        Assert.Equal("[]", Encoding.UTF8.GetString(links.Links));
        Assert.Equal(ArticleDocumentWriter.Serialize(article).Full, StoredDocumentFrame.Compose(document.Full, document.LinksAt!.Value, links.Links));
    }

    [Fact]
    public void A_document_that_is_not_a_frame_is_refused()
    {
        var whole = ArticleDocumentWriter.Serialize(StoredArticlePartsTests.Article()).Full;

        Assert.Throws<InvalidOperationException>(() => StoredDocumentFrame.LinksAt(whole));
        Assert.Throws<InvalidOperationException>(() => StoredDocumentFrame.LinksAt("""{"links":[],"more":{"links":[]}}"""u8));
    }

    private static ArticleDto WithText(ArticleDto a, string title, string body) => new()
    {
        Id = a.Id,
        ExternalId = a.ExternalId,
        Slug = a.Slug,
        Title = title,
        Language = a.Language,
        Body = body,
        Source = a.Source,
        Credits = a.Credits,
        Keywords = a.Keywords,
        Entities = a.Entities,
        Links = a.Links,
        Bylines = a.Bylines,
        Image = a.Image,
        Media = a.Media,
        Sections = a.Sections,
    };
}
