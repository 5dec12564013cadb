using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsMeta.Api.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers the provider chosen by <c>Database:Provider</c> behind <see cref="NewsDbContext"/>.
    /// Interceptors registered in DI (e.g. a test's SQL command counter) are attached to every context.
    /// </summary>
    public static IServiceCollection AddNewsDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));

        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                var connectionString = PrepareSqliteFile(configuration.GetConnectionString("NewsMeta") ?? DatabaseOptions.DefaultSqliteConnection, options.SqliteBusyTimeoutMs);
                // Microsoft.Data.Sqlite retries a busy database for the command timeout (30 s by default) on top
                // of SQLite's own busy timeout: make both the one configured wait, so a writer blocked by another
                // gets its 503 after that long, not minutes later.
                var busySeconds = BusySeconds(options.SqliteBusyTimeoutMs);
                services.AddDbContextPool<SqliteNewsDbContext>((sp, db) => db
                    .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(NewsDbContext).Assembly.FullName).CommandTimeout(busySeconds))
                    .AddInterceptors(new SqliteConnectionSetup(options.SqliteBusyTimeoutMs))
                    .AddInterceptors(sp.GetServices<IInterceptor>()));
                services.AddScoped<NewsDbContext>(sp => sp.GetRequiredService<SqliteNewsDbContext>());
                break;
            case DatabaseProvider.Postgres:
                var primary = FailFast(configuration.GetConnectionString("NewsMeta")
                    ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:NewsMeta is not set."));
                var settings = new ReplicaSettings(primary, configuration.GetConnectionString("NewsMetaReadOnly") is { Length: > 0 } ro ? FailFast(ro) : null);
                services.AddSingleton(settings);
                // Not pooled: each request picks its connection (primary or replica) when the context is created.
                services.AddDbContext<PostgresNewsDbContext>((sp, db) => PostgresOptions(db, sp.GetRequiredService<DatabaseRoute>().UseReplica && settings.ReadOnlyConnection is { } replica ? replica : primary, sp));
                services.AddScoped<NewsDbContext>(sp => sp.GetRequiredService<PostgresNewsDbContext>());
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{options.Provider}'; use Sqlite or Postgres.");
        }

        services.AddHttpContextAccessor();
        services.AddScoped<DatabaseRoute>().AddScoped<PrimaryNewsDb>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    public static DbContextOptionsBuilder PostgresOptions(DbContextOptionsBuilder db, string connectionString, IServiceProvider services) =>
        db.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(NewsDbContext).Assembly.FullName))
            .AddInterceptors(services.GetServices<IInterceptor>());

    /// <summary>
    /// A connect timeout of <see cref="ConnectTimeoutSeconds"/> s unless the connection string sets one:
    /// with the database unreachable, requests fail with a 503 in seconds instead of hanging on Npgsql's 15 s default.
    /// </summary>
    public static string FailFast(string connectionString) =>
        System.Text.RegularExpressions.Regex.IsMatch(connectionString, @"(^|;)\s*timeout\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            ? connectionString
            : new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Timeout = ConnectTimeoutSeconds }.ToString();

    public const int ConnectTimeoutSeconds = 3;

    private static int BusySeconds(int busyTimeoutMs) => Math.Max(1, (int)Math.Ceiling(busyTimeoutMs / 1000.0));

    /// <summary>Makes sure the folder of the SQLite file exists, so a fresh clone runs without setup.</summary>
    private static string PrepareSqliteFile(string connectionString, int busyTimeoutMs)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("timeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.DefaultTimeout = BusySeconds(busyTimeoutMs);
        }

        if (builder.DataSource is { Length: > 0 } path && path != ":memory:" && !path.StartsWith("file:", StringComparison.Ordinal))
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        return builder.ToString();
    }
}
