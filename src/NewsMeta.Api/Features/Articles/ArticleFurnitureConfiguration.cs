using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsMeta.Api.Features.Ingestion;

namespace NewsMeta.Api.Features.Articles;

internal sealed class ArticleBylineConfiguration : IEntityTypeConfiguration<ArticleByline>
{
    public void Configure(EntityTypeBuilder<ArticleByline> b)
    {
        b.HasKey(x => new { x.ArticleId, x.Position });
        b.Property(x => x.Name).HasMaxLength(ArticleRecordValidator.MaxName);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(16);
        // The byline filter and Entity.bylineArticles.
        b.HasIndex(x => new { x.EntityId, x.ArticleId });
        b.HasIndex(x => new { x.EntityId, x.IsFirstOfPerson, x.ArticleId });
        b.HasOne(x => x.Article).WithMany(a => a.Bylines).HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Entity).WithMany().HasForeignKey(x => x.EntityId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ArticleMediaConfiguration : IEntityTypeConfiguration<ArticleMedia>
{
    public void Configure(EntityTypeBuilder<ArticleMedia> b)
    {
        b.ToTable("ArticleMedia");
        b.HasKey(x => new { x.ArticleId, x.Position });
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Url).HasMaxLength(ArticleRecordValidator.MaxUrl);
        b.Property(x => x.Caption).HasMaxLength(ArticleRecordValidator.MaxCaption);
        b.Property(x => x.Credit).HasMaxLength(ArticleRecordValidator.MaxName);
        b.Property(x => x.AltText).HasMaxLength(ArticleRecordValidator.MaxCaption);
        b.Property(x => x.MimeType).HasMaxLength(ArticleRecordValidator.MaxMimeType);
        b.HasIndex(x => new { x.ArticleId, x.IsLead });
        b.HasOne<Article>().WithMany(a => a.Media).HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
