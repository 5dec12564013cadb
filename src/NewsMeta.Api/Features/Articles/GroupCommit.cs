using System.ComponentModel.DataAnnotations;
using System.Threading.Channels;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Ingestion;

namespace NewsMeta.Api.Features.Articles;

/// <summary>The <c>Writes</c> configuration section: group commit of single article writes.</summary>
public sealed class GroupCommitOptions
{
    public const string Section = "Writes";

    /// <summary>Single writes that arrive together are written in one transaction (default on).</summary>
    public bool GroupCommit { get; set; } = true;

    /// <summary>
    /// At most this many records per transaction. Under 32 writing clients on two cores, groups of up to 64
    /// wrote 48-66 articles/s and groups of up to 8-16 wrote 67-77 (same store, runs taken in turn): a large
    /// group holds the exclusive similar-list lock longer (more than 8 articles take it instead of per-name
    /// locks), re-renders more linkers' documents, and leaves the other writer with the stragglers.
    /// </summary>
    [Range(1, 1000)]
    public int MaxBatch { get; set; } = 16;

    /// <summary>Transactions in flight at once per instance; 0 = 2 on PostgreSQL, 1 on SQLite (one writer at a time anyway).</summary>
    [Range(0, 64)]
    public int Writers { get; set; }
}

/// <summary>
/// Group commit for single article writes (REST PUT without preconditions). A write costs ~40 statements
/// whatever the number of articles in it (lookups, enrichment, counts, the generation), so 32 clients
/// writing one article each spent most of the machine on per-transaction overhead: 30 writes/s, where
/// the batched import does 100 articles/s on one connection. Here a write waits in a queue while a
/// transaction is running, and the next transaction takes everything waiting (up to
/// <see cref="GroupCommitOptions.MaxBatch"/>). Each caller still gets its own outcome only once its
/// article is committed and enriched, as before; a lone write does not wait at all.
/// <para>
/// A batch fails as a whole (one transaction). Then each of its records is written again on its own, so
/// one bad record fails only its own request. Records for the same externalId keep their arrival order
/// (<see cref="ArticleWriter.UpsertAsync"/> splits a batch where an externalId repeats).
/// </para>
/// </summary>
public sealed class GroupCommit(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<GroupCommitOptions> options, Common.NewsMetaMetrics metrics, ILogger<GroupCommit> log)
    : BackgroundService
{
    /// <summary>Writes waiting at most; beyond it callers wait to enqueue (backpressure instead of an ever-growing queue).</summary>
    private const int QueueCapacity = 1024;

    private readonly Channel<Pending> _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.Wait });

    /// <summary>
    /// Writes one validated record; completes when it is committed (or has failed), with the stored
    /// article as read back right after the group's commit (null if that read failed or found it deleted
    /// meanwhile: the caller reads it itself).
    /// </summary>
    public async Task<GroupedWrite> WriteAsync(ArticleRecord record, CancellationToken ct)
    {
        // Once queued the write goes ahead even if the caller gives up: like a request whose client
        // disconnects after sending it. The caller stops waiting, nothing else.
        var pending = new Pending(record, new TaskCompletionSource<GroupedWrite>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, ct);
        return await pending.Done.Task.WaitAsync(ct);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var writers = options.Value.Writers;
        if (writers <= 0)
        {
            using var scope = scopes.CreateScope();
            writers = scope.ServiceProvider.GetRequiredService<NewsDbContext>().Dialect.DefaultGroupWriters;
        }

        return Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(() => WriteLoopAsync(stoppingToken), CancellationToken.None)));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        while (_queue.Reader.TryRead(out var left))
        {
            left.Done.TrySetCanceled(CancellationToken.None);
        }
    }

    private async Task WriteLoopAsync(CancellationToken stoppingToken)
    {
        // A configured 0 or less would take nothing from a non-empty queue and spin.
        var maxBatch = Math.Max(1, options.Value.MaxBatch);
        var batch = new List<Pending>(maxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < maxBatch && _queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                // Several writers wake for one arrival; those that find the queue empty wrote nothing.
                if (batch.Count > 0)
                {
                    metrics.GroupCommitted(batch.Count);
                }

                await WriteBatchAsync(batch, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            foreach (var pending in batch)
            {
                pending.Done.TrySetCanceled(stoppingToken);
            }
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var outcomes = await scope.ServiceProvider.GetRequiredService<ArticleWriter>().UpsertAsync(batch.Select(p => p.Record).ToList(), ct);
            var stored = await ReadBackAsync(scope.ServiceProvider.GetRequiredService<ReadModel.StoredArticles>(), outcomes, ct);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(new GroupedWrite(outcomes[i], stored.GetValueOrDefault(outcomes[i].ArticleId)));
            }
        }
        catch (Exception ex) when (batch.Count > 1 && !ct.IsCancellationRequested)
        {
            log.LogWarning(ex, "A group of {Count} article writes failed; writing each on its own", batch.Count);
            foreach (var pending in batch)
            {
                await WriteBatchAsync([pending], ct);
            }
        }
        catch (Exception ex)
        {
            // The caller's request rethrows it: the usual problem responses (503 when the database is away).
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(ex);
            }
        }
    }

    /// <summary>
    /// The group's stored documents, read in one statement instead of one per caller. Best effort: the
    /// writes are committed already, so a failed read leaves each caller to read its own.
    /// </summary>
    private async Task<Dictionary<int, ReadModel.WrittenArticle>> ReadBackAsync(ReadModel.StoredArticles stored, IReadOnlyList<WriteOutcome> outcomes, CancellationToken ct)
    {
        var ids = outcomes.Where(o => o.Status is WriteStatus.Created or WriteStatus.Updated or WriteStatus.Unchanged).Select(o => o.ArticleId).Distinct().ToList();
        try
        {
            return ids.Count == 0 ? [] : await stored.WrittenAsync(ids, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(ex, "Reading back {Count} grouped article writes failed; each caller reads its own", ids.Count);
            return [];
        }
    }

    private sealed record Pending(ArticleRecord Record, TaskCompletionSource<GroupedWrite> Done);
}

/// <summary>A grouped write's outcome and, when it could be read right after the commit, the stored article.</summary>
public sealed record GroupedWrite(WriteOutcome Outcome, ReadModel.WrittenArticle? Article);
