using System.Data;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common.Caching;

namespace NewsMeta.Api.Data.Consistency;

/// <summary>
/// Reads, on the primary and after a write has committed, the token that write answers with: one statement.
/// PostgreSQL: <c>pg_current_wal_insert_lsn()</c>, which is at or past the end of every commit record already
/// written (even with synchronous_commit off), and the generation row; SQLite: the generation row alone.
/// </summary>
public static class WritePosition
{
    public static async Task<ConsistencyToken> ReadAsync(NewsDbContext db, CancellationToken ct)
    {
        if (db.Database.ProviderName != "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            return new ConsistencyToken(null, await DatabaseGeneration.ReadAsync(db, ct));
        }

        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        try
        {
            await using var read = connection.CreateCommand();
            read.CommandText = """SELECT pg_current_wal_insert_lsn()::text, (SELECT "Value" FROM "JobStates" WHERE "Name" = @name)""";
            var name = read.CreateParameter();
            name.ParameterName = "name";
            name.Value = DatabaseGeneration.Name;
            read.Parameters.Add(name);
            await using var row = await read.ExecuteReaderAsync(ct);
            await row.ReadAsync(ct);
            return new ConsistencyToken(Lsn.Parse(row.GetString(0)), await row.IsDBNullAsync(1, ct) ? "0" : row.GetString(1));
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}

/// <summary>PostgreSQL's text form of a WAL position, <c>16/B374D848</c>, as one 64-bit number.</summary>
public static class Lsn
{
    public static ulong Parse(string text)
    {
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return (Convert.ToUInt64(text[..slash], 16) << 32) | Convert.ToUInt64(text[(slash + 1)..], 16);
    }
}
