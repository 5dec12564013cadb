using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Common.Auth;

/// <summary>A key as the authentication handler needs it: <paramref name="Id"/> is its stable id (<see cref="KeyIds"/>).</summary>
public sealed record KeyIdentity(string Id, string Name, IReadOnlyList<string> Scopes);

/// <summary>A stored key as <c>keys list</c> shows it (never the key itself).</summary>
public sealed record KeyListing(int Id, string Name, string Prefix, string Scopes, DateTime CreatedAt, DateTime? RevokedAt);

/// <summary>
/// API keys kept in the database: created (the plain key is returned once and never stored), revoked,
/// listed, and looked up by hash. Lookups are cached per instance for <see cref="ApiKeyOptions.KeyCacheSeconds"/>
/// (unknown keys too, so a flood of made-up keys costs no queries; entries count against the shared cache's size limit); a revocation therefore takes effect
/// within that time on every instance.
/// </summary>
public sealed class ApiKeyStore(NewsDbContext db, IMemoryCache cache, IOptionsMonitor<ApiKeyOptions> options, TimeProvider clock)
{
    public const string KeyPrefix = "nm_";
    private static readonly string[] Known = [Auth.Scopes.Read, Auth.Scopes.Write, Auth.Scopes.Admin];

    /// <summary>Lower-case hex SHA-256: how keys are compared and stored.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Scopes from "read,write" or "read write"; null when one is unknown or none is given.</summary>
    public static IReadOnlyList<string>? ParseScopes(string? text)
    {
        var scopes = (text ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToLowerInvariant()).Distinct().ToList();
        return scopes.Count > 0 && scopes.All(Known.Contains) ? scopes : null;
    }

    /// <summary>
    /// Creates a key; returns the plain key, which exists nowhere else afterwards, or null when the name is taken:
    /// by a configured key, or by a stored one (revoked ones too). The unique index settles a race between two creations.
    /// </summary>
    public async Task<string?> CreateAsync(string name, IReadOnlyList<string> scopes, CancellationToken ct)
    {
        if (options.CurrentValue.ApiKeys.Any(k => string.Equals(k.Name, name, StringComparison.Ordinal))
            || await db.ApiKeys.AnyAsync(k => k.Name == name, ct))
        {
            return null;
        }

        var key = KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.ApiKeys.Add(new ApiKey
        {
            Name = name,
            Hash = HashOf(key),
            Prefix = key[..8],
            Scopes = string.Join(' ', scopes),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another creation took the name between the check and the insert (the unique index said so); anything else is rethrown.
            db.ChangeTracker.Clear();
            if (await db.ApiKeys.AnyAsync(k => k.Name == name, ct))
            {
                return null;
            }

            throw;
        }

        return key;
    }

    /// <summary>Revokes the named key; false when there is no such active key.</summary>
    public async Task<bool> RevokeAsync(string name, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.ApiKeys.Where(k => k.Name == name && k.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(k => k.RevokedAt, now), ct) > 0;
    }

    public Task<List<KeyListing>> ListAsync(CancellationToken ct) =>
        db.ApiKeys.AsNoTracking().OrderBy(k => k.Id)
            .Select(k => new KeyListing(k.Id, k.Name, k.Prefix, k.Scopes, k.CreatedAt, k.RevokedAt)).ToListAsync(ct);

    /// <summary>Whether this instance looked the hash up recently; <paramref name="identity"/> is null for an unknown key.</summary>
    public bool TryGetCached(string hash, out KeyIdentity? identity)
    {
        identity = null;
        return options.CurrentValue.KeyCacheSeconds > 0 && cache.TryGetValue(CacheKey(hash), out identity);
    }

    /// <summary>The active key with this hash, or null.</summary>
    public async Task<KeyIdentity?> FindAsync(string hash, CancellationToken ct)
    {
        if (TryGetCached(hash, out var cached))
        {
            return cached;
        }

        var seconds = options.CurrentValue.KeyCacheSeconds;

        var row = await db.ApiKeys.AsNoTracking().Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => new { k.Id, k.Name, k.Scopes }).FirstOrDefaultAsync(ct);
        var identity = row is null ? null : new KeyIdentity(KeyIds.Stored(row.Id), row.Name, row.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (seconds > 0)
        {
            cache.Set(CacheKey(hash), identity, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(seconds), Size = 256 });
        }

        return identity;
    }

    private static string CacheKey(string hash) => "api-key:" + hash;
}
