using System.ComponentModel.DataAnnotations;

namespace NewsMeta.Api.Data;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string DefaultSqliteConnection = "Data Source=./data/newsmeta.db";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Load the sample corpus when the database holds no article.</summary>
    public bool SeedSampleData { get; set; } = true;

    /// <summary>With the sample corpus, two articles under embargo until a day after seeding (<see cref="SampleEmbargoes"/>).</summary>
    public bool SeedSampleEmbargoes { get; set; } = true;

    /// <summary>Apply pending migrations at start-up.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>How long SQLite waits for another writer before giving up, in milliseconds.</summary>
    [Range(0, 600_000)]
    public int SqliteBusyTimeoutMs { get; set; } = 15000;

    /// <summary>
    /// How much of the SQLite file each connection reads through a memory map instead of read calls, in
    /// megabytes (0 = none). Address space, not memory: the pages are the operating system's file cache,
    /// shared by every connection.
    /// </summary>
    [Range(0, 1_048_576)]
    public int SqliteMemoryMapMegabytes { get; set; } = 2048;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
