using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Caching;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles.Pipeline;

/// <summary>
/// Runs one list of <see cref="WritePipelineSteps"/> over a batch in one transaction, retried whole on a
/// conflict (<see cref="ConflictRetry"/>), each step timed through <see cref="NewsMetaMetrics.Step"/>.
/// After the commit it publishes the batch's cache generation to this instance.
/// </summary>
public sealed class WritePipeline(IServiceProvider services, NewsDbContext db, ICacheInvalidator cache, TimeProvider clock, NewsMetaMetrics metrics)
{
    private static readonly ConcurrentDictionary<Type, ObjectFactory> Factories = new();

    /// <param name="steps">One of <see cref="WritePipelineSteps"/>' lists.</param>
    /// <param name="newBatch">A fresh batch per attempt.</param>
    /// <param name="ct">Cancellation.</param>
    public Task<WriteBatch> RunAsync(IReadOnlyList<Type> steps, Func<WriteBatch> newBatch, CancellationToken ct) =>
        ConflictRetry.RunAsync(db, token => RunOnceAsync(steps, newBatch(), token), ct);

    private async Task<WriteBatch> RunOnceAsync(IReadOnlyList<Type> steps, WriteBatch batch, CancellationToken ct)
    {
        batch.Now = clock.GetUtcNow().UtcDateTime;
        await using (var tx = await BeginAsync(ct))
        {
            foreach (var type in steps)
            {
                var step = (IWriteStep)Factories.GetOrAdd(type, t => ActivatorUtilities.CreateFactory(t, []))(services, []);
                using (metrics.Step(step.Name))
                {
                    await step.RunAsync(batch, ct);
                }

                if (batch.Stopped)
                {
                    // Rolled back: nothing it did was meant to stay.
                    db.ChangeTracker.Clear();
                    return batch;
                }
            }

            await tx.CommitAsync(ct);
        }

        if (batch.ChangesStore)
        {
            await cache.CommittedAsync(batch.CacheBump, ct);
        }

        // Long imports and relinks reuse this context: keep the change tracker from growing batch after batch.
        db.ChangeTracker.Clear();
        return batch;
    }

    /// <summary>
    /// A write transaction without EF's automatic savepoints: by default every SaveChanges inside a
    /// transaction is wrapped in SAVEPOINT / RELEASE, two more round trips each (8 per single write, about
    /// a tenth of the service's sampled time under a load of single-article PUTs). They would let the
    /// transaction go on after a failed SaveChanges; the pipeline never does: it rolls the whole transaction
    /// back and retries.
    /// </summary>
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAsync(CancellationToken ct)
    {
        var tx = await db.Database.BeginTransactionAsync(ct);
        db.Database.AutoSavepointsEnabled = false;
        return tx;
    }
}
