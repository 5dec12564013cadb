using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.GraphQL.PersistedQueries;

/// <summary>
/// Hash → query text. The database is the shared truth; a bounded memory cache in front is safe
/// because an entry never changes (the hash is of the text itself).
/// </summary>
public sealed class PersistedQueryStore(PrimaryNewsDb primary, IMemoryCache cache, TimeProvider clock)
{
    public static string HashOf(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    public static bool IsHash(string? value) =>
        value is { Length: 64 } && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F');

    public async Task<string?> FindAsync(string hash, CancellationToken ct)
    {
        hash = hash.ToLowerInvariant();
        if (cache.TryGetValue(Key(hash), out string? query))
        {
            return query;
        }

        query = await primary.Context.PersistedQueries.AsNoTracking().Where(q => q.Hash == hash).Select(q => q.Query).FirstOrDefaultAsync(ct);
        if (query is not null)
        {
            Remember(hash, query);
        }

        return query;
    }

    /// <summary>Registers a query that parsed; another instance registering it at the same moment is fine.</summary>
    public async Task SaveAsync(string hash, string query, CancellationToken ct)
    {
        hash = hash.ToLowerInvariant();
        if (cache.TryGetValue(Key(hash), out _))
        {
            return;
        }

        // Registration writes even inside a GET, so it always goes to the primary.
        var db = primary.Context;
        if (!await db.PersistedQueries.AnyAsync(q => q.Hash == hash, ct))
        {
            db.PersistedQueries.Add(new PersistedQuery { Hash = hash, Query = query, CreatedAt = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException ex) when (DbErrors.IsUniqueViolation(ex))
            {
                // Registered concurrently by another request: same text, nothing to do.
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }

        Remember(hash, query);
    }

    private static string Key(string hash) => "apq:" + hash;

    private void Remember(string hash, string query) =>
        cache.Set(Key(hash), query, new MemoryCacheEntryOptions { Size = query.Length, SlidingExpiration = TimeSpan.FromHours(1) });
}
