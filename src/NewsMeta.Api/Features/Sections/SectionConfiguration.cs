using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsMeta.Api.Features.Sections;

internal sealed class SectionConfiguration : IEntityTypeConfiguration<Section>
{
    public void Configure(EntityTypeBuilder<Section> b)
    {
        b.Property(s => s.Name).HasMaxLength(Ingestion.ArticleRecordValidator.MaxName);
        b.Property(s => s.Path).HasMaxLength(Ingestion.ArticleRecordValidator.MaxSectionPath);
        b.Property(s => s.NormalizedPath).HasMaxLength(Ingestion.ArticleRecordValidator.MaxSectionPath);
        b.HasIndex(s => s.NormalizedPath).IsUnique();
        b.HasIndex(s => s.ParentId);
        b.HasOne(s => s.Parent).WithMany().HasForeignKey(s => s.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ArticleSectionConfiguration : IEntityTypeConfiguration<ArticleSection>
{
    public void Configure(EntityTypeBuilder<ArticleSection> b)
    {
        b.HasKey(x => new { x.ArticleId, x.SectionId });
        // The section filter, a section's articles and its count.
        b.HasIndex(x => new { x.SectionId, x.ArticleId });
        b.HasOne(x => x.Section).WithMany().HasForeignKey(x => x.SectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Article).WithMany(a => a.Sections).HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
