using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace NewsMeta.Api.Data;

/// <summary>
/// One hand-written statement sent through EF's command pipeline: the context's connection (so the request's
/// read route, primary or replica), its interceptors and its logging, but no LINQ translation, query cache
/// lookup or materializer. For the few reads that only fetch stored bytes by an indexed key: there that
/// machinery was most of the service's CPU (a page of 20 summaries by entity: 1.5 ms of service CPU through
/// LINQ, 0.9 ms this way). The SQL must read the same on both providers (quoted names, standard SQL);
/// <c>{0}</c>, <c>{1}</c>… are the arguments, sent as parameters. (A built command is not cached: EF's
/// command keeps per-execution state, so one instance cannot serve concurrent requests.)
/// </summary>
public static class DirectQuery
{
    /// <summary>The rows of <paramref name="sql"/>, each read by <paramref name="read"/>, in the statement's order.</summary>
    public static async Task<List<T>> ListAsync<T>(NewsDbContext db, string sql, object[] arguments, Func<DbDataReader, T> read, CancellationToken ct)
    {
        var command = db.GetService<IRawSqlCommandBuilder>().Build(sql, arguments, db.Model);
        var parameters = new RelationalCommandParameterObject(
            db.GetService<IRelationalConnection>(), command.ParameterValues, readerColumns: null, db,
            db.GetService<IRelationalCommandDiagnosticsLogger>(), CommandSource.FromSqlQuery);
        await using var reader = await command.RelationalCommand.ExecuteReaderAsync(parameters, ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(read(reader.DbDataReader));
        }

        return rows;
    }

    /// <summary>A UTC instant read from <paramref name="reader"/>: SQLite gives its text back without a kind.</summary>
    public static DateTime ReadUtc(DbDataReader reader, int ordinal) => DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc);

    /// <summary>A nullable column as bytes.</summary>
    public static byte[]? ReadBytes(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<byte[]>(ordinal);

    /// <summary>A nullable column as text.</summary>
    public static string? ReadString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
