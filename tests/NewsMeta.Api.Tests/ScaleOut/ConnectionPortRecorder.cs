#if POSTGRES
using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace NewsMeta.Api.Tests.ScaleOut;

/// <summary>Records the server port each SQL command ran against: the primary and a real replica differ only there.</summary>
public sealed class ConnectionPortRecorder : DbCommandInterceptor
{
    private readonly ConcurrentQueue<int> _ports = new();

    public IReadOnlyCollection<int> Ports => [.. _ports];

    public void Reset() => _ports.Clear();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command) => _ports.Enqueue(new NpgsqlConnectionStringBuilder(command.Connection!.ConnectionString).Port);
}
#endif
