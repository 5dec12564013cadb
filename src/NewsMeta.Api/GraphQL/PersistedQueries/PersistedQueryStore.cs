using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.GraphQL.PersistedQueries;

/// <summary>
/// Hash → query text. The database is the shared truth, capped in count and characters
/// (GraphQL:PersistedQueriesMaxCount, GraphQL:PersistedQueriesMaxLength): a registration past either cap
/// removes the least recently used. A bounded memory cache in front is safe because an entry never changes
/// (the hash is of the text itself). Only the caller decides what may be registered (OperationRunner:
/// after validation, limits and the rate budget).
/// </summary>
public sealed class PersistedQueryStore(PrimaryNewsDb primary, IMemoryCache cache, TimeProvider clock, IOptions<GraphQLOptions> options)
{
    /// <summary>Uses are written to the database at most this often per hash and instance: eviction order needs minutes, not every hit.</summary>
    private static readonly TimeSpan RecordUseEvery = TimeSpan.FromMinutes(1);

    public static string HashOf(string query) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)));

    public static bool IsHash(string? value) =>
        value is { Length: 64 } && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F');

    /// <summary>Whether this instance already holds the hash (memory only: no database round trip).</summary>
    public bool IsKnown(string hash) => cache.TryGetValue(Key(hash.ToLowerInvariant()), out _);

    public async Task<string?> FindAsync(string hash, CancellationToken ct)
    {
        hash = hash.ToLowerInvariant();
        var now = clock.GetUtcNow().UtcDateTime;
        if (cache.TryGetValue(Key(hash), out Entry? entry) && entry is not null)
        {
            if (entry.TakeUseToRecord(now, RecordUseEvery) && !await RecordUseAsync(hash, now, ct))
            {
                // Evicted meanwhile (by this cap, perhaps on another instance): forget it here too, so the cap holds.
                cache.Remove(Key(hash));
                return null;
            }

            return entry.Query;
        }

        var query = await primary.Context.PersistedQueries.AsNoTracking().Where(q => q.Hash == hash).Select(q => q.Query).FirstOrDefaultAsync(ct);
        if (query is not null)
        {
            await RecordUseAsync(hash, now, ct);
            Remember(hash, query, now);
        }

        return query;
    }

    /// <summary>Registers a query; another instance registering it at the same moment is fine.</summary>
    public async Task SaveAsync(string hash, string query, CancellationToken ct)
    {
        hash = hash.ToLowerInvariant();
        var now = clock.GetUtcNow().UtcDateTime;
        // Registration writes even inside a GET, so it always goes to the primary. It runs after the operation,
        // whose leftovers (a mutation's refused changes) must not be saved with it.
        var db = primary.Context;
        db.ChangeTracker.Clear();
        if (!await db.PersistedQueries.AnyAsync(q => q.Hash == hash, ct))
        {
            db.PersistedQueries.Add(new PersistedQuery { Hash = hash, Query = query, Length = query.Length, CreatedAt = now, LastUsedAt = now });
            try
            {
                await db.SaveChangesAsync(ct);
                await EvictBeyondCapsAsync(db, hash, ct);
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

        Remember(hash, query, now);
    }

    /// <summary>Removes the least recently used entries (never <paramref name="keep"/>, just registered) until both caps hold.</summary>
    private async Task EvictBeyondCapsAsync(NewsDbContext db, string keep, CancellationToken ct)
    {
        var limits = options.Value;
        long excessCount = await db.PersistedQueries.CountAsync(ct) - limits.PersistedQueriesMaxCount;
        var excessLength = await db.PersistedQueries.SumAsync(q => (long)q.Length, ct) - limits.PersistedQueriesMaxLength;
        if (excessCount <= 0 && excessLength <= 0)
        {
            return;
        }

        var evicted = new List<string>();
        var oldestFirst = db.PersistedQueries.AsNoTracking().Where(q => q.Hash != keep)
            .OrderBy(q => q.LastUsedAt).ThenBy(q => q.Hash).Select(q => new { q.Hash, q.Length });
        await foreach (var old in oldestFirst.AsAsyncEnumerable().WithCancellation(ct))
        {
            if (excessCount <= 0 && excessLength <= 0)
            {
                break;
            }

            evicted.Add(old.Hash);
            excessCount--;
            excessLength -= old.Length;
        }

        await db.PersistedQueries.Where(q => evicted.Contains(q.Hash)).ExecuteDeleteAsync(ct);
        foreach (var hash in evicted)
        {
            cache.Remove(Key(hash));
        }
    }

    /// <summary>False when the hash is no longer stored.</summary>
    private async Task<bool> RecordUseAsync(string hash, DateTime now, CancellationToken ct) =>
        await primary.Context.PersistedQueries.Where(q => q.Hash == hash).ExecuteUpdateAsync(s => s.SetProperty(q => q.LastUsedAt, now), ct) > 0;

    private static string Key(string hash) => "apq:" + hash;

    private void Remember(string hash, string query, DateTime now) =>
        cache.Set(Key(hash), new Entry(query, now), new MemoryCacheEntryOptions { Size = query.Length, SlidingExpiration = TimeSpan.FromHours(1) });

    /// <summary>A cached text and when this instance last wrote its use to the database.</summary>
    private sealed class Entry(string query, DateTime recordedAt)
    {
        private long _recordedAtTicks = recordedAt.Ticks;

        public string Query { get; } = query;

        /// <summary>True for one caller once <paramref name="every"/> has passed since the last recorded use.</summary>
        public bool TakeUseToRecord(DateTime now, TimeSpan every)
        {
            var last = Interlocked.Read(ref _recordedAtTicks);
            return now.Ticks - last >= every.Ticks && Interlocked.CompareExchange(ref _recordedAtTicks, now.Ticks, last) == last;
        }
    }
}
