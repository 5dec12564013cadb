using Microsoft.Extensions.Options;

namespace NewsMeta.Api.Data;

/// <summary>
/// The database settings as the contexts use them: <see cref="DatabaseOptions"/> (bound and validated once)
/// and the connection strings <c>ConnectionStrings:NewsMeta</c> / <c>NewsMetaReadOnly</c>.
/// </summary>
public sealed class DatabaseConnections(IOptions<DatabaseOptions> options, IConfiguration configuration)
{
    public DatabaseOptions Options => options.Value;

    public string? Primary => configuration.GetConnectionString("NewsMeta") is { Length: > 0 } primary ? primary : null;

    public string? ReadOnly => configuration.GetConnectionString("NewsMetaReadOnly") is { Length: > 0 } replica ? replica : null;

    public int SqliteBusySeconds => DatabaseServiceCollectionExtensions.BusySeconds(Options.SqliteBusyTimeoutMs);

    /// <summary>The SQLite connection string with the busy timeout; creates the file's folder, so a fresh clone runs without setup.</summary>
    public string PrepareSqlite() =>
        DatabaseServiceCollectionExtensions.PrepareSqliteFile(Primary ?? DatabaseOptions.DefaultSqliteConnection, Options.SqliteBusyTimeoutMs);

    /// <summary>PostgreSQL: its connection strings, with the service's defaults where they set none (<see cref="DatabaseServiceCollectionExtensions.WithServiceDefaults"/>). SQLite has no replica.</summary>
    public ReplicaSettings Replicas() => Options.Provider == DatabaseProvider.Postgres && Primary is { } primary
        ? new ReplicaSettings(DatabaseServiceCollectionExtensions.WithServiceDefaults(primary), ReadOnly is { } replica ? DatabaseServiceCollectionExtensions.WithServiceDefaults(replica) : null)
        : new ReplicaSettings(Primary ?? DatabaseOptions.DefaultSqliteConnection, null);

    /// <summary>Checks at start what the section alone cannot: PostgreSQL needs its connection string.</summary>
    internal sealed class Validator(IConfiguration configuration) : IValidateOptions<DatabaseOptions>
    {
        public ValidateOptionsResult Validate(string? name, DatabaseOptions options) =>
            options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(configuration.GetConnectionString("NewsMeta"))
                ? ValidateOptionsResult.Fail("Database:Provider is Postgres but ConnectionStrings:NewsMeta is not set.")
                : ValidateOptionsResult.Success;
    }
}
