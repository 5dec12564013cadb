using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsMeta.Api.GraphQL.PersistedQueries;

/// <summary>
/// A query text registered under its SHA-256 (automatic persisted queries). Kept in the database so every
/// instance knows it; the store is capped, and the least recently used go first.
/// </summary>
public class PersistedQuery
{
    /// <summary>Lower-case hex SHA-256 of the UTF-8 query text.</summary>
    public required string Hash { get; set; }
    public required string Query { get; set; }

    /// <summary>Characters of <see cref="Query"/>, so the store's total is a sum over an integer column.</summary>
    public int Length { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When a request last ran it (recorded at most once a minute per instance).</summary>
    public DateTime LastUsedAt { get; set; }
}

internal sealed class PersistedQueryConfiguration : IEntityTypeConfiguration<PersistedQuery>
{
    public void Configure(EntityTypeBuilder<PersistedQuery> b)
    {
        b.HasKey(q => q.Hash);
        b.Property(q => q.Hash).HasMaxLength(64);
        // Eviction reads the least recently used first.
        b.HasIndex(q => q.LastUsedAt);
    }
}
