using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Common.Caching;

/// <summary>
/// SQLite: the generation row is read on every cacheable request (another process may write the same
/// file), but through one open connection and one prepared statement kept for the purpose: a primary-key
/// lookup of a few microseconds, instead of a pooled EF context, a query pipeline and a connection
/// open per request, which cost more than the cached answer itself.
/// </summary>
internal sealed class SqliteDataGeneration : IDataGeneration, IDisposable
{
    private readonly Lock _gate = new();
    private SqliteConnection? _connection;
    private SqliteCommand? _read;

    public ValueTask<string> CurrentAsync(IServiceProvider requestServices, CancellationToken ct)
    {
        lock (_gate)
        {
            try
            {
                _read ??= Prepare(requestServices.GetRequiredService<NewsDbContext>().Database.GetConnectionString()!);
                return ValueTask.FromResult(_read.ExecuteScalar() as string ?? "0");
            }
            catch (SqliteException)
            {
                // A broken connection is not kept: the next request opens a new one.
                Close();
                throw;
            }
        }
    }

    public void Replaced(string value)
    {
    }

    public void Dispose()
    {
        lock (_gate)
        {
            Close();
        }
    }

    private SqliteCommand Prepare(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        using (var pragma = _connection.CreateCommand())
        {
            // Never waits long on a writer in WAL mode; the timeout only covers a checkpoint's brief lock.
            pragma.CommandText = "PRAGMA busy_timeout=5000;";
            pragma.ExecuteNonQuery();
        }

        var read = _connection.CreateCommand();
        read.CommandText = """SELECT "Value" FROM "JobStates" WHERE "Name" = $name""";
        read.Parameters.AddWithValue("$name", DatabaseGeneration.Name);
        read.Prepare();
        return read;
    }

    private void Close()
    {
        _read?.Dispose();
        _read = null;
        _connection?.Dispose();
        _connection = null;
    }
}
