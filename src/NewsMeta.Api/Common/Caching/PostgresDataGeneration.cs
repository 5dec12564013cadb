using NewsMeta.Api.Data;
using Npgsql;

namespace NewsMeta.Api.Common.Caching;

/// <summary>
/// PostgreSQL without a read replica: the generation is pushed, not polled. Every write's new value is
/// sent with <c>pg_notify</c> in the writer's statement stream; one connection per instance LISTENs and keeps
/// the latest value in memory, so a cached answer costs no SQL at all. PostgreSQL delivers notifications
/// in commit order, once committed, to every listening instance.
/// <para>
/// Why it stays safe: a response is stored under the value read before it was computed, and any write
/// committed after that replaces the value, so a stale response is never reachable again. While the
/// listener is not connected, or has not confirmed its value within <see cref="TrustFor"/> (a silently
/// dropped connection), requests fall back to reading the row, as on SQLite.
/// </para>
/// <para>
/// Not used with a read replica: answers computed from a lagging replica must be keyed by the replica's
/// own generation row, which is what the query fallback reads.
/// </para>
/// </summary>
internal sealed class PostgresDataGeneration(ReplicaSettings settings, ILogger<PostgresDataGeneration> log) : BackgroundService, IDataGeneration
{
    public const string Channel = "newsmeta_generation";

    /// <summary>Without a notification for this long the listener re-reads the row (and proves its connection alive).</summary>
    private static readonly TimeSpan Recheck = TimeSpan.FromSeconds(3);

    private static readonly long TrustFor = (long)TimeSpan.FromSeconds(8).TotalMilliseconds;

    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    private volatile Known? _known;

    public ValueTask<string> CurrentAsync(IServiceProvider requestServices, CancellationToken ct)
    {
        var known = _known;
        return known is not null && Environment.TickCount64 - known.ConfirmedAt < TrustFor
            ? ValueTask.FromResult(known.Value)
            : new QueriedDataGeneration().CurrentAsync(requestServices, ct);
    }

    /// <summary>This instance's own write: its next reads use the new value without waiting for the notification.</summary>
    public void Replaced(string value)
    {
        if (_known is not null)
        {
            _known = new Known(value, Environment.TickCount64);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                _known = null;
                log.LogWarning(ex, "Data generation listener lost its connection; cacheable requests read the generation until it is back");
            }

            try
            {
                await Task.Delay(Reconnect, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        // Not pooled: pooled connections are not reset when returned, and this one LISTENs.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.Primary) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(ct);
        connection.Notification += (_, e) => _known = new Known(e.Payload, Environment.TickCount64);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }

        // After LISTEN, so no write can fall between the value read and the first notification.
        await ConfirmAsync(connection, ct);
        log.LogInformation("Data generation listener connected");
        while (true)
        {
            if (!await connection.WaitAsync(Recheck, ct))
            {
                await ConfirmAsync(connection, ct);
            }
        }
    }

    private async Task ConfirmAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var read = new NpgsqlCommand("""SELECT "Value" FROM "JobStates" WHERE "Name" = $1""", connection) { CommandTimeout = 3 };
        read.Parameters.AddWithValue(DatabaseGeneration.Name);
        var value = await read.ExecuteScalarAsync(ct) as string ?? "0";
        _known = new Known(value, Environment.TickCount64);
    }

    private sealed record Known(string Value, long ConfirmedAt);
}
