using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsMeta.Api.Data;

/// <summary>
/// Per-connection SQLite settings: a busy timeout so concurrent writers wait instead of failing,
/// foreign keys on, NORMAL sync (safe with WAL, which is set once per file at start-up), and the file read
/// through a memory map. Without the map every page a search touches past the connection's 2 MB page cache
/// was a read call copying it out of the file cache: on the 20k benchmark store (860 MB) those calls were
/// over half of a search's CPU.
/// </summary>
internal sealed class SqliteConnectionSetup(int busyTimeoutMs, int memoryMapMegabytes) : DbConnectionInterceptor
{
    private readonly string _pragmas = $"PRAGMA busy_timeout={busyTimeoutMs}; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA mmap_size={memoryMapMegabytes * 1048576L};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
    }
}
