using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace NewsMeta.Api.Data;

/// <summary>Recognises database errors by what they mean for the caller.</summary>
public static class DbErrors
{
    /// <summary>A unique index was violated (SQLite error 19 / PostgreSQL 23505), e.g. two writers creating the same externalId.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception)
    {
        var inner = exception.InnerException;
        var message = inner?.Message ?? string.Empty;
        return message.Contains("UNIQUE constraint failed", StringComparison.Ordinal)
            || (inner is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation });
    }

    /// <summary>
    /// Another transaction got in the way and running the same work again will do: a row changed under an
    /// optimistic update, a PostgreSQL deadlock or serialization failure. (SQLite busy is not here: its busy
    /// timeout already waited and retried; one more round would only double the wait before the 503.)
    /// </summary>
    public static bool IsRetryableConflict(Exception exception) =>
        exception is DbUpdateConcurrencyException
        || (exception is DbUpdateException update && IsUniqueViolation(update))
        || Chain(exception).Any(e => e is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure });

    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    /// <summary>
    /// The database cannot serve right now, not a bug: PostgreSQL unreachable, shutting down, out of
    /// connections or timing out; SQLite busy or locked past the busy timeout, or its file unavailable.
    /// Callers answer 503 with Retry-After instead of 500.
    /// </summary>
    public static bool IsUnavailable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException sqlite when sqlite.SqliteErrorCode is 5 or 6 or 10 or 14: // BUSY, LOCKED, IOERR, CANTOPEN
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exceptions
                    || pg.SqlState.StartsWith("57P", StringComparison.Ordinal) // admin shutdown, cannot connect now
                    || pg.SqlState == PostgresErrorCodes.TooManyConnections:
                case NpgsqlException { InnerException: SocketException or TimeoutException or IOException or EndOfStreamException }:
                case NpgsqlException npgsql when npgsql.IsTransient:
                case SocketException:
                    return true;
                case InvalidOperationException when e.Message.Contains("transient failure", StringComparison.OrdinalIgnoreCase):
                    return true;
            }
        }

        return false;
    }
}
