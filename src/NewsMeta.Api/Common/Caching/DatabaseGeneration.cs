using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common.Jobs;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Common.Caching;

/// <summary>
/// The data generation for in-process response caching without Redis: one row of JobStates that every
/// write replaces with a new random value. Each instance keys its cached responses by the value it learns
/// (<see cref="IDataGeneration"/>: read per request, or pushed by PostgreSQL), so a response computed before
/// a write on any instance is never served after that write commits: the write's new value is what every
/// later reader sees.
/// </summary>
public static class DatabaseGeneration
{
    public const string Name = "response-generation";

    public static async Task<string> ReadAsync(NewsDbContext db, CancellationToken ct) =>
        await JobStateRows.ValueAsync(db, Name, ct) ?? "0";

    /// <summary>
    /// Replaces the generation (creating the row the first time) and returns the new value. Inside a
    /// writer's transaction it commits with the data, so no reader can pair the old value with new data;
    /// on PostgreSQL the listening instances are notified at that commit.
    /// </summary>
    public static async Task<string> BumpAsync(NewsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var value = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow().UtcDateTime;
        // One upsert that cannot fail: inside a PostgreSQL transaction a failed insert (two first writers
        // creating the row at once) would abort the writer's whole transaction.
        await db.Dialect.ReplaceGenerationAsync(db, Name, value, now, ct);
        return value;
    }
}

/// <summary>
/// Bumps the database generation (inside the writer's transaction when the writer stages it, else in its
/// own statement after the commit) and frees this instance's cached responses at once.
/// </summary>
internal sealed class DatabaseGenerationInvalidator(IServiceScopeFactory scopes, IOutputCacheStore store, TimeProvider clock, IDataGeneration generation) : ICacheInvalidator
{
    public async Task InvalidateAsync(CancellationToken ct)
    {
        string value;
        await using (var scope = scopes.CreateAsyncScope())
        {
            value = await DatabaseGeneration.BumpAsync(scope.ServiceProvider.GetRequiredService<NewsDbContext>(), clock, ct);
        }

        await CommittedAsync(new CacheBump(value), ct);
    }

    public async Task<CacheBump?> StageAsync(NewsDbContext db, CancellationToken ct) =>
        new(await DatabaseGeneration.BumpAsync(db, clock, ct));

    public async Task CommittedAsync(CacheBump? bump, CancellationToken ct)
    {
        if (bump is null)
        {
            await InvalidateAsync(ct);
            return;
        }

        generation.Replaced(bump.Value);
        await store.EvictByTagAsync(ResponseCache.Tag, ct);
    }
}
