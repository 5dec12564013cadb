using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsMeta.Api.Features.Articles.ReadModel;

/// <summary>
/// An article as readers get it, stored ready to send: the bytes GET /articles/{id} answers with and the
/// bytes a list shows for it, each with its ETag. The write pipeline keeps it exact in the transaction that
/// changes anything it shows (<see cref="ArticleDocumentWriter"/>); the normalised tables stay the truth.
/// </summary>
public sealed class ArticleDocument
{
    /// <summary>The article's id (one document per article; it goes with the article).</summary>
    public int Id { get; set; }

    /// <summary>
    /// UTF-8 JSON of <see cref="ArticleDto"/>: whole, or, with <see cref="LinksAt"/>, a frame whose links are
    /// an empty array that readers replace with the article's <see cref="ArticleLinksDocument"/>.
    /// </summary>
    public required byte[] Full { get; set; }

    /// <summary>
    /// The ETag of <see cref="Full"/>'s bytes. For a frame, readers hash the spliced document instead (it must
    /// equal the hash of what they send, which If-Match compares with; hashing 10 KB takes a few microseconds).
    /// </summary>
    public required string FullETag { get; set; }

    /// <summary>
    /// Where in <see cref="Full"/> the empty links array (<c>[]</c>) of a frame starts; null when the document
    /// is whole (rendered before links were stored apart, until the start-up backfill renders it again).
    /// </summary>
    public int? LinksAt { get; set; }

    /// <summary>UTF-8 JSON of <see cref="ArticleSummaryDto"/>, as a list item.</summary>
    public required byte[] Summary { get; set; }

    public required string SummaryETag { get; set; }

    /// <summary>
    /// UTF-8 JSON of the article's relations alone (<see cref="StoredArticleParts"/>): what a GraphQL page
    /// reads for each of its rows. In a frame (<see cref="LinksAt"/> set) its links are empty: they are the
    /// <see cref="ArticleLinksDocument"/>'s. The full document is mostly body, which such a page rarely selects. Null
    /// in a store written before it existed, until the start-up backfill renders it.
    /// </summary>
    public byte[]? Parts { get; set; }

    /// <summary>
    /// The start of the body a search's highlights are made from (<see cref="Search.SearchHighlights.Prefix"/>),
    /// stored beside the summary so a search page reads neither the article's row nor its compressed body.
    /// Null for a document rendered by a build from before it (the page then reads the body, as before).
    /// </summary>
    public string? BodyPrefix { get; set; }
}

internal sealed class ArticleDocumentConfiguration : IEntityTypeConfiguration<ArticleDocument>
{
    public void Configure(EntityTypeBuilder<ArticleDocument> b)
    {
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.FullETag).HasMaxLength(40);
        b.Property(d => d.SummaryETag).HasMaxLength(40);
        b.HasOne<Article>().WithOne().HasForeignKey<ArticleDocument>(d => d.Id).OnDelete(DeleteBehavior.Cascade);
    }
}
