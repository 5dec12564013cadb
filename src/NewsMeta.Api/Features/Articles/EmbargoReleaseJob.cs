using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles;

/// <summary>
/// Releases articles whose embargo has passed, with no request needed: every
/// <see cref="EmbargoOptions.ReleaseIntervalMilliseconds"/> each instance asks for due embargoes (one
/// indexed read that usually finds none) and runs them through <see cref="ArticleWriter.ReleaseAsync"/>.
/// <para>
/// No job lease: a lease would be a write per tick on every instance, and a crashed holder would delay
/// releases until it expired. Instead the release step reads the articles again under their externalId
/// locks, so when two instances race, the second finds them released and writes nothing. The release
/// bumps the cache generation, which every instance follows, so all of them serve it within the interval.
/// </para>
/// </summary>
public sealed class EmbargoReleaseJob(IServiceScopeFactory scopes, IOptions<EmbargoOptions> options, TimeProvider clock, ILogger<EmbargoReleaseJob> log) : BackgroundService
{
    private readonly Lock _gate = new();
    private readonly List<(DateTime From, TaskCompletionSource<int> Done)> _waiters = [];

    /// <summary>
    /// Completes when the loop finishes the first round that started at <paramref name="from"/> or later (by
    /// the job's clock), with how many articles it released: a test advances the fake clock and awaits that
    /// round instead of polling for its effects. A round already running when the clock moved read the
    /// earlier time, so it does not count.
    /// </summary>
    public Task<int> RoundStartingFromAsync(DateTime from)
    {
        var done = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _waiters.Add((from, done));
        }

        return done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ReleaseIntervalMilliseconds;
        if (interval <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(interval), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var started = clock.GetUtcNow().UtcDateTime;
            var released = 0;
            try
            {
                released = await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Database away, say: the next tick tries again.
                log.LogWarning(ex, "Embargo release round failed");
            }

            lock (_gate)
            {
                foreach (var waiter in _waiters.Where(w => w.From <= started).ToList())
                {
                    waiter.Done.SetResult(released);
                    _waiters.Remove(waiter);
                }
            }
        }
    }

    /// <summary>One round: releases every due embargo, a batch per transaction; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var released = 0;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.Articles.AsNoTracking()
                .Where(a => a.ReleasedVersion == null && a.EmbargoUntil <= now)
                .OrderBy(a => a.EmbargoUntil).ThenBy(a => a.Id).Select(a => a.Id)
                .Take(options.Value.ReleaseBatchSize).ToListAsync(ct);
            if (due.Count == 0)
            {
                return released;
            }

            var count = await scope.ServiceProvider.GetRequiredService<ArticleWriter>().ReleaseAsync(due, ct);
            if (count == 0)
            {
                return released; // another instance released them first
            }

            released += count;
            log.LogInformation("Released {Count} embargoed articles", count);
        }
    }
}
