using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsMeta.Api.Features.Keywords;

internal sealed class KeywordConfiguration : IEntityTypeConfiguration<Keyword>
{
    public void Configure(EntityTypeBuilder<Keyword> b)
    {
        b.Property(k => k.Name).HasMaxLength(300);
        b.Property(k => k.NormalizedName).HasMaxLength(300);
        b.HasIndex(k => k.NormalizedName).IsUnique();
        b.HasIndex(k => new { k.ArticleCount, k.Id });
    }
}
