using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace NewsMeta.Api.Data;

/// <summary>
/// Inserts many rows of one mapped type in one statement, without the change tracker: on PostgreSQL
/// <c>INSERT … SELECT * FROM unnest(one array per column)</c>, on SQLite a multi-row <c>VALUES</c> (in
/// chunks under its parameter limit).
/// </summary>
/// <remarks>
/// Why: SaveChanges sends one INSERT per row. EF batches them into one command, but PostgreSQL still
/// parses, plans and executes each one, and EF tracks and fixes up each row first. An import batch of
/// 500 articles wrote about 16,000 join and link rows that way; those statements were a third of
/// PostgreSQL's time and the change tracking a large part of the service's.
/// Columns, names and value conversions come from the EF model, so a row is stored exactly as
/// SaveChanges would store it. Store-generated keys are left to the database and not read back: use
/// this for rows that nothing in the same unit of work refers to by key.
/// </remarks>
public static class BulkInsert
{
    /// <summary>
    /// Parameters per SQLite statement. SQLite allows 32,766, but the driver binds each parameter by name
    /// and SQLite finds a name by a linear search: binding is quadratic in the parameter count. With
    /// 30,000-parameter statements 6,000 articles had not imported after 200 s (37 s with 999; 51 s with EF).
    /// </summary>
    private const int SqliteMaxParameters = 999;

    /// <summary>Each model's (one per provider) columns per type, read from its metadata once.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(IModel Model, Type Type), Table> Tables = new();

    public static async Task InsertAsync<T>(this NewsDbContext db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var table = Tables.GetOrAdd((db.Model, typeof(T)), key => TableOf(key.Model, key.Type));
        await db.Dialect.BulkInsertAsync(db, table, rows, ct);
    }

    /// <summary>
    /// Inserts the rows, or replaces every column of the stored row with the same primary key: one statement
    /// (SQLite: per chunk) without reading the stored rows first. Both databases read <c>ON CONFLICT … DO UPDATE</c> alike.
    /// </summary>
    public static async Task UpsertAsync<T>(this NewsDbContext db, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var table = Tables.GetOrAdd((db.Model, typeof(T)), key => TableOf(key.Model, key.Type));
        await db.Dialect.BulkInsertAsync(db, table with { OnConflict = table.ReplaceOnKey }, rows, ct);
    }

    /// <summary>PostgreSQL's form: one statement whatever the number of rows.</summary>
    internal static async Task InsertWithUnnestAsync<T>(NewsDbContext db, Table table, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        var parameters = new List<DbParameter>(table.Columns.Count);
        foreach (var column in table.Columns)
        {
            var values = Array.CreateInstance(column.ArrayElementType, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                values.SetValue(column.ValueOf(rows[i]), i);
            }

            parameters.Add(new Npgsql.NpgsqlParameter($"p{parameters.Count}", values));
        }

        var sql = $"INSERT INTO {table.QuotedName} ({table.ColumnList}) SELECT * FROM unnest({string.Join(", ", parameters.Select(p => "@" + p.ParameterName))}){table.OnConflict}";
        await db.Database.ExecuteSqlRawAsync(sql, parameters, ct);
    }

    /// <summary>SQLite's form: multi-row VALUES in chunks under <see cref="SqliteMaxParameters"/>.</summary>
    internal static async Task InsertWithValuesAsync<T>(NewsDbContext db, Table table, IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        var rowsPerStatement = Math.Max(1, SqliteMaxParameters / table.Columns.Count);
        foreach (var chunk in rows.Chunk(rowsPerStatement))
        {
            var sql = new StringBuilder($"INSERT INTO {table.QuotedName} ({table.ColumnList}) VALUES ");
            var parameters = new List<DbParameter>(chunk.Length * table.Columns.Count);
            foreach (var row in chunk)
            {
                sql.Append(parameters.Count == 0 ? "(" : ", (");
                foreach (var column in table.Columns)
                {
                    var name = $"@p{parameters.Count}";
                    sql.Append(name).Append(column == table.Columns[^1] ? ")" : ", ");
                    parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter(name, column.ValueOf(row) ?? DBNull.Value));
                }
            }

            await db.Database.ExecuteSqlRawAsync(sql.Append(table.OnConflict).ToString(), parameters, ct);
        }
    }

    private static Table TableOf(IModel model, Type type)
    {
        var entityType = model.FindEntityType(type) ?? throw new InvalidOperationException($"{type.Name} is not mapped.");
        var name = entityType.GetTableName() ?? throw new InvalidOperationException($"{type.Name} has no table.");
        var store = StoreObjectIdentifier.Table(name, entityType.GetSchema());
        var columns = new List<Column>();
        foreach (var property in entityType.GetProperties())
        {
            if (property.ValueGenerated != ValueGenerated.Never)
            {
                continue; // identity keys and the like: the database fills them
            }

            if (property.IsShadowProperty() || property.PropertyInfo is null)
            {
                throw new InvalidOperationException($"{type.Name}.{property.Name} has no CLR property to read.");
            }

            var converter = property.GetTypeMapping().Converter;
            var providerType = converter?.ProviderClrType ?? property.ClrType;
            // Arrays of value types must be of the nullable type when the column allows nulls.
            var elementType = property.IsNullable && providerType.IsValueType && Nullable.GetUnderlyingType(providerType) is null
                ? typeof(Nullable<>).MakeGenericType(providerType)
                : providerType;
            var getter = property.PropertyInfo;
            columns.Add(new Column(
                Quote(property.GetColumnName(store)!),
                elementType,
                row =>
                {
                    var value = getter.GetValue(row);
                    return value is not null && converter is not null ? converter.ConvertToProvider(value) : value;
                }));
        }

        var key = entityType.FindPrimaryKey()?.Properties.Select(p => Quote(p.GetColumnName(store)!)).ToList() ?? [];
        var rest = columns.Select(c => c.QuotedName).Except(key).Select(c => $"{c} = excluded.{c}").ToList();
        var replaceOnKey = key.Count == 0 || rest.Count == 0 ? "" : $" ON CONFLICT ({string.Join(", ", key)}) DO UPDATE SET {string.Join(", ", rest)}";
        return new Table(Quote(name), columns) { ReplaceOnKey = replaceOnKey };
    }

    private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    public sealed record Column(string QuotedName, Type ArrayElementType, Func<object, object?> ValueOf);

    public sealed record Table(string QuotedName, List<Column> Columns)
    {
        public string ColumnList { get; } = string.Join(", ", Columns.Select(c => c.QuotedName));

        /// <summary>The clause that makes the insert replace a row with the same key (empty for a table without one).</summary>
        public string ReplaceOnKey { get; init; } = "";

        /// <summary>What follows the rows in this statement: nothing for a plain insert, <see cref="ReplaceOnKey"/> for an upsert.</summary>
        public string OnConflict { get; init; } = "";
    }
}
