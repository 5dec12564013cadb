using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsMeta.Api.Features.Articles.ReadModel;

/// <summary>
/// An article's links as its document shows them, stored on their own: the one part of a document that
/// other articles' writes change. A new article is offered to the similar lists of about seven older ones,
/// and a link shows its target's title; storing those lists apart means such a write stores a few hundred
/// bytes for each of them instead of rendering and storing its whole 10-25 KB document again.
/// <para>
/// A row here means the article's <see cref="ArticleDocument"/> is a frame (<see cref="ArticleDocument.LinksAt"/>):
/// readers splice these links into it (<see cref="StoredDocumentFrame"/>). The write pipeline writes both in
/// one transaction, so at every commit either both exist or the document is whole.
/// </para>
/// </summary>
public sealed class ArticleLinksDocument
{
    /// <summary>The article's id (one per article; it goes with the article).</summary>
    public int Id { get; set; }

    /// <summary>UTF-8 JSON array of <see cref="ArticleLinkDto"/>, reasons included, in the document's order.</summary>
    public required byte[] Links { get; set; }

    /// <summary>
    /// The same links without their reasons, as GraphQL's stored relations hold them (<see cref="StoredArticleParts"/>):
    /// a page of twenty rows reads these. Null in rows stored before it existed; readers then take <see cref="Links"/>.
    /// </summary>
    public byte[]? PartsLinks { get; set; }
}

internal sealed class ArticleLinksDocumentConfiguration : IEntityTypeConfiguration<ArticleLinksDocument>
{
    public void Configure(EntityTypeBuilder<ArticleLinksDocument> b)
    {
        b.Property(d => d.Id).ValueGeneratedNever();
        b.HasOne<Article>().WithOne().HasForeignKey<ArticleLinksDocument>(d => d.Id).OnDelete(DeleteBehavior.Cascade);
    }
}
