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
                .AddInterceptors(new SqliteConnectionSetup(connections.Options.SqliteBusyTimeoutMs, connections.Options.SqliteMemoryMapMegabytes))
                .AddInterceptors(sp.GetServices<IInterceptor>())
                .ConfigureWarnings(EmbargoFilterIsMeant);
        });
        // Pooled too: a context built afresh per request also builds EF's internal per-context services (its
        // query translators and the like), which cost more CPU than the lookup an article read makes. Each
        // lease then points its connection at the primary or the replica, as the request's route says.
        // A scope's lease (AddDbContextPool), not a pooled factory's context: the scope holds the context under
        // two service types and so disposes it twice; a factory's context went back to the pool at the first,
        // and could be leased by another request before the second handed it out again.
        services.AddDbContextPool<PostgresNewsDbContext>((sp, db) => PostgresOptions(db, sp.GetRequiredService<ReplicaSettings>().Primary, sp));
        services.AddSingleton(sp => sp.GetRequiredService<DatabaseConnections>().Replicas());
        services.AddScoped<NewsDbContext>(sp => sp.GetRequiredService<DatabaseConnections>().Options.Provider == DatabaseProvider.Postgres
            ? Route(sp.GetRequiredService<PostgresNewsDbContext>(), sp.GetRequiredService<ReplicaSettings>(), sp.GetRequiredService<DatabaseRoute>())
            : sp.GetRequiredService<SqliteNewsDbContext>());

        services.AddHttpContextAccessor();
        services.AddScoped<DatabaseRoute>().AddScoped<PrimaryNewsDb>().AddSingleton<Consistency.ReplicaProgress>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    /// <summary>
    /// The request's pooled context on the connection it reads or writes through. A lease may come back from
    /// a request that used the other one, so the connection string is set whenever it differs (the connection
    /// is closed between leases).
    /// </summary>
    private static PostgresNewsDbContext Route(PostgresNewsDbContext db, ReplicaSettings settings, DatabaseRoute route)
    {
        var connection = route.UseReplica && settings.ReadOnlyConnection is { } replica ? replica : settings.Primary;
        if (!string.Equals(db.Database.GetConnectionString(), connection, StringComparison.Ordinal))
        {
            db.Database.SetConnectionString(connection);
        }

        return db;
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
    /// The service's defaults for a PostgreSQL connection string, each only where the string does not set it:
    /// <list type="bullet">
    /// <item>a connect timeout of <see cref="ConnectTimeoutSeconds"/> s: with the database unreachable, requests
    /// fail with a 503 in seconds instead of hanging on Npgsql's 15 s default;</item>
    /// <item>automatic preparation of the <see cref="AutoPreparedStatements"/> most used statements per
    /// connection: the service sends the same few dozen statements over and over, and a prepared one skips
    /// PostgreSQL's parse and plan (an article read went from about 900 to 1,150 requests/s on two cores).
    /// <c>Max Auto Prepare=0</c> in the string turns it off, for a pooler that cannot keep prepared statements.</item>
    /// <item>no TLS when every host is this machine (a loopback address, <c>localhost</c> or a Unix socket folder):
    /// the bytes never leave the kernel, so encryption protects nothing there, and it cost about a tenth of an
    /// article read's throughput (Npgsql's default is to use TLS whenever the server offers it). A remote host
    /// keeps Npgsql's default; <c>SSL Mode</c> in the string always wins.</item>
    /// <item>PostgreSQL's JIT compilation off for the service's sessions (<c>-c jit=off</c> added to <c>Options</c>):
    /// it compiles a statement whose estimated cost passes <c>jit_above_cost</c>, which the similar-link ranking of an
    /// import batch does, and spent 300-430 ms compiling each one that ran in about 1.3 s. The service's statements
    /// are short and many, where compiling never pays back. A <c>jit</c> setting in <c>Options</c> wins.</item>
    /// <item>no session reset when a connection goes back to the pool (<c>No Reset On Close</c>): with prepared
    /// statements kept, Npgsql resets with six statements (<c>RESET ALL</c>, <c>UNLISTEN *</c>, …) sent before the
    /// next use, on every request, since each opens and closes a pooled connection. The service leaves no session
    /// state behind: its settings are <c>SET LOCAL</c> and its advisory locks transaction-scoped, and the one
    /// connection that LISTENs is not pooled (<see cref="Common.Caching.PostgresDataGeneration"/>).</item>
    /// </list>
    /// </summary>
    public static string WithServiceDefaults(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(connectionString, "timeout"))
        {
            builder.Timeout = ConnectTimeoutSeconds;
        }

        if (!Sets(connectionString, @"max\s*auto\s*prepare"))
        {
            builder.MaxAutoPrepare = AutoPreparedStatements;
        }

        if (!Sets(connectionString, @"ssl\s*mode") && OnlyThisMachine(builder.Host))
        {
            builder.SslMode = Npgsql.SslMode.Disable;
        }

        if (!Sets(connectionString, @"no\s*reset\s*on\s*close"))
        {
            builder.NoResetOnClose = true;
        }

        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) != true)
        {
            builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? NoJit : builder.Options + " " + NoJit;
        }

        return builder.ToString();
    }

    /// <summary>The session setting that turns PostgreSQL's JIT compilation off.</summary>
    public const string NoJit = "-c jit=off";

    /// <summary>Whether every host of a (comma-separated) Host list is this machine.</summary>
    internal static bool OnlyThisMachine(string? hosts) =>
        !string.IsNullOrWhiteSpace(hosts) && hosts.Split(',').All(h => IsThisMachine(StripPort(h.Trim())));

    private static bool IsThisMachine(string host) =>
        host.StartsWith('/')
        || host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var address) && System.Net.IPAddress.IsLoopback(address));

    // "host:port" in a multi-host list; an IPv6 address keeps its colons ("::1", "[::1]:5432").
    private static string StripPort(string host) =>
        host.StartsWith('[') ? host[..(host.IndexOf(']') + 1)]
        : host.Count(c => c == ':') == 1 ? host[..host.IndexOf(':')]
        : host;

    private static bool Sets(string connectionString, string key) =>
        System.Text.RegularExpressions.Regex.IsMatch(connectionString, $@"(^|;)\s*{key}\s*=", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    public const int AutoPreparedStatements = 50;

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
