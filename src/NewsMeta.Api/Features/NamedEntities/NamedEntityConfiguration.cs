using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsMeta.Api.Features.NamedEntities;

internal sealed class NamedEntityConfiguration : IEntityTypeConfiguration<NamedEntity>
{
    public void Configure(EntityTypeBuilder<NamedEntity> b)
    {
        b.ToTable("Entities");
        b.Property(e => e.Name).HasMaxLength(300);
        b.Property(e => e.NormalizedName).HasMaxLength(300);
        b.Property(e => e.Type).HasConversion<string>().HasMaxLength(16);
        // Rows stored before discovery existed get "Confirmed" from the migration's column default.
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(e => new { e.NormalizedName, e.Type }).IsUnique();
        b.HasIndex(e => new { e.Status, e.ArticleCount, e.Id });
        b.HasIndex(e => new { e.ArticleCount, e.Id });
        b.HasIndex(e => new { e.Type, e.ArticleCount, e.Id });
        b.HasMany(e => e.Aliases).WithOne().HasForeignKey(a => a.EntityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EntityAliasConfiguration : IEntityTypeConfiguration<EntityAlias>
{
    public void Configure(EntityTypeBuilder<EntityAlias> b)
    {
        b.Property(a => a.Name).HasMaxLength(300);
        b.Property(a => a.NormalizedName).HasMaxLength(300);
        b.HasIndex(a => new { a.EntityId, a.NormalizedName }).IsUnique();
        b.HasIndex(a => a.NormalizedName);
    }
}
