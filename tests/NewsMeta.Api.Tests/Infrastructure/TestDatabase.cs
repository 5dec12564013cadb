using Microsoft.AspNetCore.Hosting;

namespace NewsMeta.Api.Tests.Infrastructure;

/// <summary>
/// The database one test fixture runs on. SQLite: a file in the fixture's temp folder. PostgreSQL
/// (test project built with POSTGRES): a new database named after a GUID on the server given by
/// NEWSMETA_TEST_POSTGRES, dropped afterwards; without that variable the tests are skipped, not failed.
/// </summary>
public sealed class TestDatabase
{
    public const string PostgresVariable = "NEWSMETA_TEST_POSTGRES";

    private TestDatabase(string provider, string connectionString, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        PostgresName = postgresName;
    }

    public string Provider { get; }
    public string ConnectionString { get; }
    public string? PostgresName { get; }
    public bool IsPostgres => PostgresName is not null;

    /// <summary>The server part of NEWSMETA_TEST_POSTGRES (host, port, user, password), or null.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    public static TestDatabase Create(string folder)
    {
#if POSTGRES
        var server = PostgresServer;
        if (server is null)
        {
            // In CI a missing server is a broken run, not a reason to skip half the suite.
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException($"CI=true but {PostgresVariable} is not set.");
            }

            Assert.Skip($"{PostgresVariable} is not set: PostgreSQL tests skipped (see README).");
        }

        var name = $"newsmeta_test_{Guid.NewGuid():N}";
        return new TestDatabase("Postgres", $"{server};Database={name}", name);
#else
        return new TestDatabase("Sqlite", $"Data Source={Path.Combine(folder, "newsmeta.db")}", null);
#endif
    }

    public void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:NewsMeta", ConnectionString);
    }

    public void Drop()
    {
#if POSTGRES
        Npgsql.NpgsqlConnection.ClearAllPools();
        using var connection = new Npgsql.NpgsqlConnection($"{PostgresServer};Database=postgres");
        connection.Open();
        // FORCE cannot end a server process of another role (autovacuum on a fresh database, say): wait
        // and try again; a test database left behind is harmless, a failed test run is not.
        for (var attempt = 1; attempt <= 20; attempt++)
        {
            try
            {
                using var command = connection.CreateCommand();
                command.CommandText = $"DROP DATABASE IF EXISTS \"{PostgresName}\" WITH (FORCE)";
                command.ExecuteNonQuery();
                return;
            }
            catch (Npgsql.PostgresException ex) when (ex.SqlState is "42501" or "55006")
            {
                Thread.Sleep(250);
            }
        }
#else
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(ConnectionString);
        Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
#endif
    }
}
