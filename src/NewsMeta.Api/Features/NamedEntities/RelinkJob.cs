using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common.Jobs;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.NamedEntities;

/// <summary>
/// Relinks after the entity catalogue has changed (new entity, alias, rename, merge, discovery): only the
/// articles that contain the changed names (<see cref="CatalogueChangeRelinker"/>), never the whole store.
/// Entity edits already relink their articles in their own transaction (up to
/// <see cref="EntityWriter.MaxTextCandidates"/>); this job covers the rest and the discoveries the write
/// pipeline makes. Every instance runs it; a database lease lets one work at a time, and the catalogue
/// state it finished is stored, so the same change is never relinked twice. Progress goes to the log.
/// Interval: Enrichment:RelinkIntervalSeconds (default 30; 0 turns the job off).
/// </summary>
public sealed class RelinkJob(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<EnrichmentOptions> options, TimeProvider clock, ILogger<RelinkJob> log) : BackgroundService
{
    public const string Name = "relink";

    // One holder per host (not per process), so two hosts in one process are two lease holders too.
    private readonly string _holder = $"{JobLeases.InstanceName}/{Guid.NewGuid():N}";
    private readonly Lock _gate = new();
    private TaskCompletionSource<bool> _round = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes when the background loop next finishes a round: true when that round relinked. Lets a
    /// test advance a fake clock past the interval and await the round instead of polling for its effects.
    /// </summary>
    public Task<bool> NextRoundAsync()
    {
        lock (_gate)
        {
            return _round.Task;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = options.Value.RelinkIntervalSeconds;
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var relinked = false;
            try
            {
                relinked = await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed round (database away, say) is retried at the next tick.
                log.LogWarning(ex, "Relink round failed");
            }

            lock (_gate)
            {
                _round.SetResult(relinked);
                _round = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    /// <summary>The catalogue state (<see cref="EntityLinker.StampAsync"/>) every stored article is linked with.</summary>
    public static Task<string?> LinkedStateAsync(NewsDbContext db, CancellationToken ct) =>
        JobStateRows.ValueAsync(db, Name, ct);

    /// <summary>Records that every stored article is linked with the catalogue state <paramref name="stamp"/>.</summary>
    public static async Task RecordLinkedAsync(NewsDbContext db, string stamp, DateTime now, CancellationToken ct)
    {
        var state = await db.Set<JobState>().FirstOrDefaultAsync(s => s.Name == Name, ct);
        if (state is null)
        {
            db.Add(new JobState { Name = Name, Value = stamp, UpdatedAt = now });
        }
        else
        {
            state.Value = stamp;
            state.UpdatedAt = now;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>One round: relinks when the catalogue differs from the last relinked state and this instance holds the lease.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken ct) => await RunRoundAsync(ct) is not null;

    /// <summary>One round, with what it did; null when there was nothing to do or another instance holds the lease.</summary>
    public async Task<RelinkRound?> RunRoundAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<NewsDbContext>();
        var linker = services.GetRequiredService<EntityLinker>();
        var current = await linker.StampAsync(ct);
        var stamp = current.ToString();
        var done = await LinkedStateAsync(db, ct);
        if (done == stamp)
        {
            return null;
        }

        var leases = services.GetRequiredService<JobLeases>();
        if (!await leases.TryAcquireAsync(Name, _holder, TimeSpan.FromMinutes(10), ct))
        {
            return null;
        }

        try
        {
            // Another instance may have finished this very state between the check above and taking the lease.
            done = await LinkedStateAsync(db, ct);
            if (done == stamp)
            {
                return null;
            }

            // No state yet (a store the job never finished): every row is a change since the empty catalogue.
            var from = CatalogStamp.Parse(done) ?? CatalogStamp.Empty;
            log.LogInformation("Entity catalogue changed: relinking the articles holding the changed names");
            var progress = new Common.ProgressLog(log, "Relink", "articles");
            var round = await services.GetRequiredService<CatalogueChangeRelinker>().RelinkAsync(from, current, (n, total) => progress.Report(n, total, n), ct);
            await RecordLinkedAsync(db, stamp, clock.GetUtcNow().UtcDateTime, ct);
            return round;
        }
        finally
        {
            // Released even on shutdown, so another instance can take over at once.
            await leases.ReleaseAsync(Name, _holder, CancellationToken.None);
        }
    }
}
