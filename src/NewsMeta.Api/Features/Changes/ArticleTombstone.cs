using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsMeta.Api.Features.Changes;

/// <summary>What remains of a deleted article for the change feed: enough for a mirror to delete its copy.</summary>
public class ArticleTombstone
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public required string ExternalId { get; set; }
    public DateTime DeletedAt { get; set; }

    /// <summary>Deleted while under embargo: only callers who see embargoed articles see this tombstone.</summary>
    public bool Unreleased { get; set; }
}

internal sealed class ArticleTombstoneConfiguration : IEntityTypeConfiguration<ArticleTombstone>
{
    public void Configure(EntityTypeBuilder<ArticleTombstone> b)
    {
        b.Property(t => t.ExternalId).HasMaxLength(200);
        b.HasIndex(t => new { t.DeletedAt, t.Id });
    }
}
