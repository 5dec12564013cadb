#if POSTGRES
using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace NewsMeta.Api.Tests.ScaleOut;

/// <summary>Records the PostgreSQL role each SQL command ran as, to see where reads and writes went.</summary>
public sealed class ConnectionRoleRecorder : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _roles = new();

    public IReadOnlyCollection<string> Roles => [.. _roles];

    public void Reset() => _roles.Clear();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command) =>
        _roles.Enqueue(new NpgsqlConnectionStringBuilder(command.Connection!.ConnectionString).Username ?? "?");
}
#endif
