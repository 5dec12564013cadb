using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsMeta.Api.Features.Sources;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> b)
    {
        b.Property(s => s.Name).HasMaxLength(300);
        b.Property(s => s.NormalizedName).HasMaxLength(300);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(s => s.NormalizedName).IsUnique();
        b.HasIndex(s => new { s.ArticleCount, s.Id });
    }
}
