using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsMeta.Api.Common.Settings;

namespace NewsMeta.Api.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>
    /// Registers the provider chosen by <c>Database:Provider</c> behind <see cref="NewsDbContext"/>. Both providers'
    /// contexts are registered and the choice is made when a context is first asked for, from the bound and
    /// validated settings (<see cref="DatabaseConnections"/>): nothing reads the section while services are
    /// registered, and a command that fails its checks opens no database (no SQLite file appears).
    /// Interceptors registered in DI (e.g. a test's SQL command counter) are attached to every context.
    /// </summary>
    public static IServiceCollection AddNewsDatabase(this IServiceCollection services)
    {
        services.AddSettings<DatabaseOptions>(DatabaseOptions.Section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DatabaseOptions>, DatabaseConnections.Validator>());
        services.AddSingleton<DatabaseConnections>();
        // Microsoft.Data.Sqlite retries a busy database for the command timeout (30 s by default) on top
        // of SQLite's own busy timeout: make both the one configured wait, so a writer blocked by another
        // gets its 503 after that long, not minutes later.
        services.AddDbContextPool<SqliteNewsDbContext>((sp, db) =>
        {
            var connections = sp.GetRequiredService<DatabaseConnections>();
            db.UseSqlite(connections.PrepareSqlite(), sqlite => sqlite.MigrationsAssembly(typeof(NewsDbContext).Assembly.FullName).CommandTimeout(connections.SqliteBusySeconds))
                .AddInterceptors(new SqliteConnectionSetup(connections.Options.SqliteBusyTimeoutMs))
                .AddInterceptors(sp.GetServices<IInterceptor>())
                .ConfigureWarnings(EmbargoFilterIsMeant);
        });
        // Not pooled: each request picks its connection (primary or replica) when the context is created.
        services.AddDbContext<PostgresNewsDbContext>((sp, db) =>
        {
            var settings = sp.GetRequiredService<ReplicaSettings>();
            PostgresOptions(db, sp.GetRequiredService<DatabaseRoute>().UseReplica && settings.ReadOnlyConnection is { } replica ? replica : settings.Primary, sp);
        });
        services.AddSingleton(sp => sp.GetRequiredService<DatabaseConnections>().Replicas());
        services.AddScoped<NewsDbContext>(sp => sp.GetRequiredService<DatabaseConnections>().Options.Provider == DatabaseProvider.Postgres
            ? sp.GetRequiredService<PostgresNewsDbContext>()
            : sp.GetRequiredService<SqliteNewsDbContext>());

        services.AddHttpContextAccessor();
        services.AddScoped<DatabaseRoute>().AddScoped<PrimaryNewsDb>().AddSingleton<Consistency.ReplicaProgress>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    public static DbContextOptionsBuilder PostgresOptions(DbContextOptionsBuilder db, string connectionString, IServiceProvider services) =>
        db.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(typeof(NewsDbContext).Assembly.FullName))
            .AddInterceptors(services.GetServices<IInterceptor>())
            .ConfigureWarnings(EmbargoFilterIsMeant);

    /// <summary>
    /// The embargo query filter (<see cref="Features.Articles.ArticleVisibility"/>) sits on Article, the required
    /// end of its credits, keywords, entities, bylines and sections. EF warns that such a row reached through its
    /// article disappears with it; for an embargoed article that is exactly what a reader must get.
    /// </summary>
    private static void EmbargoFilterIsMeant(Microsoft.EntityFrameworkCore.Diagnostics.WarningsConfigurationBuilder warnings) =>
        warnings.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.PossibleIncorrectRequiredNavigationWithQueryFilterInteractionWarning);

    /// <summary>
    /// A connect timeout of <see cref="ConnectTimeoutSeconds"/> s unless the connection string sets one:
    /// with the database unreachable, requests fail with a 503 in seconds instead of hanging on Npgsql's 15 s default.
    /// </summary>
    public static string FailFast(string connectionString) =>
        System.Text.RegularExpressions.Regex.IsMatch(connectionString, @"(^|;)\s*timeout\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase)
            ? connectionString
            : new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Timeout = ConnectTimeoutSeconds }.ToString();

    public const int ConnectTimeoutSeconds = 3;

    internal static int BusySeconds(int busyTimeoutMs) => Math.Max(1, (int)Math.Ceiling(busyTimeoutMs / 1000.0));

    /// <summary>Makes sure the folder of the SQLite file exists, so a fresh clone runs without setup.</summary>
    internal static string PrepareSqliteFile(string connectionString, int busyTimeoutMs)
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
