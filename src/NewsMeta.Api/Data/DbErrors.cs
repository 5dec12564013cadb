using Microsoft.EntityFrameworkCore;

namespace NewsMeta.Api.Data;

/// <summary>Provider-neutral recognition of the database errors the writers retry on.</summary>
public static class DbErrors
{
    /// <summary>A unique index was violated (SQLite error 19 / PostgreSQL 23505), e.g. two writers creating the same externalId.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception)
    {
        var inner = exception.InnerException;
        var message = inner?.Message ?? string.Empty;
        return message.Contains("UNIQUE constraint failed", StringComparison.Ordinal)
            || (inner?.GetType().Name == "PostgresException" && message.StartsWith("23505", StringComparison.Ordinal));
    }
}
