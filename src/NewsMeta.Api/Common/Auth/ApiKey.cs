using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NewsMeta.Api.Common.Auth;

/// <summary>
/// A partner's API key as stored: only the SHA-256 of the key (keys are 256 random bits, so a fast hash
/// is enough: there is nothing to brute-force) and its first characters, to recognise it in a list.
/// </summary>
public class ApiKey
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Lower-case hex SHA-256 of the whole key.</summary>
    public required string Hash { get; set; }

    /// <summary>The key's first characters (not secret: 8 of 46), shown by <c>keys list</c>.</summary>
    public required string Prefix { get; set; }

    /// <summary>Space-separated scopes: read, write, admin.</summary>
    public required string Scopes { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.Property(k => k.Name).HasMaxLength(ApiKeyOptions.MaxNameLength);
        b.Property(k => k.Hash).HasMaxLength(64);
        b.Property(k => k.Prefix).HasMaxLength(16);
        b.Property(k => k.Scopes).HasMaxLength(100);
        b.HasIndex(k => k.Hash).IsUnique();
        b.HasIndex(k => k.Name).IsUnique();
    }
}
