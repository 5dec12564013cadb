using Npgsql;

namespace NewsMeta.Api.Data.Consistency;

/// <summary>
/// How far the read-only replica has replayed the primary's WAL, as this instance last saw it. A token at or
/// below that position needs no query (replay only moves forward); a newer one costs one
/// <c>pg_last_wal_replay_lsn()</c> on the replica, whose answer is kept for the next reads.
/// <para>
/// A read-only connection that is not a standby (<c>pg_last_wal_replay_lsn()</c> is null: the same database
/// under a SELECT-only role, or a promoted replica) has nothing to replay and serves every token.
/// </para>
/// </summary>
public sealed class ReplicaProgress(ReplicaSettings settings, ILogger<ReplicaProgress> log)
{
    // A ulong kept in a long for Interlocked: 0 until first asked; all ones once the copy is known not to be a standby.
    private long _replayed;

    /// <summary>True when the replica has replayed at least to <paramref name="lsn"/>; false too when it cannot be asked.</summary>
    public async ValueTask<bool> HasReplayedAsync(ulong lsn, CancellationToken ct)
    {
        if (settings.ReadOnlyConnection is not { } replica)
        {
            return true;
        }

        if (Known() is { } known && known >= lsn)
        {
            return true;
        }

        try
        {
            await using var connection = new NpgsqlConnection(replica);
            await connection.OpenAsync(ct);
            await using var read = new NpgsqlCommand("SELECT pg_last_wal_replay_lsn()::text", connection) { CommandTimeout = 3 };
            var replayed = await read.ExecuteScalarAsync(ct) is string text ? Lsn.Parse(text) : ulong.MaxValue;
            Advance(replayed);
            return replayed >= lsn;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            log.LogWarning(ex, "Could not ask the replica how far it has replayed; the read goes to the primary");
            return false;
        }
    }

    private ulong? Known() => Interlocked.Read(ref _replayed) is var value && value == 0 ? null : unchecked((ulong)value);

    private void Advance(ulong replayed)
    {
        var next = unchecked((long)replayed);
        while (true)
        {
            var seen = Interlocked.Read(ref _replayed);
            if (seen != 0 && unchecked((ulong)seen) >= replayed)
            {
                return;
            }

            if (Interlocked.CompareExchange(ref _replayed, next, seen) == seen)
            {
                return;
            }
        }
    }
}
