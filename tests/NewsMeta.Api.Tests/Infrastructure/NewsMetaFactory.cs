using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace NewsMeta.Api.Tests.Infrastructure;

/// <summary>
/// The real service over HTTP, on its own database (deleted afterwards), seeded with the shipped sample
/// corpus unless <see cref="Seed"/> is false. Runs in Development, so the documented dev keys work.
/// The same tests compile twice: NewsMeta.Api.Tests on a SQLite file, NewsMeta.Api.Tests.Postgres
/// (symbol POSTGRES) on a fresh PostgreSQL database per fixture, see <see cref="TestDatabase"/>.
/// </summary>
public class NewsMetaFactory : WebApplicationFactory<Program>
{
    public const string WriteKey = "dev-write-key";
    public const string ReadKey = "dev-read-key";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsmeta-tests", Guid.NewGuid().ToString("N"));

    public SqlCommandCounter Sql { get; } = new();

    protected virtual bool Seed => true;

    /// <summary>This fixture's database; set it to another factory's to run two instances on one database.</summary>
    public TestDatabase Database
    {
        get
        {
            if (_database is null)
            {
                _database = TestDatabase.Create(_folder);
                _ownsDatabase = true;
            }

            return _database;
        }

        init => _database = value;
    }

    /// <summary>Extra configuration, e.g. a read-only connection string.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Extra EF Core interceptors, e.g. one that records which role ran each command.</summary>
    public List<IInterceptor> Interceptors { get; } = [];

    /// <summary>
    /// The service's clock, when a test moves time itself (a FakeTimeProvider;
    /// two instances on one database share one): leases expire, retries fall due and changes settle when
    /// the test advances it, not when the machine's clock does. Null: the real clock.
    /// </summary>
    public TimeProvider? Clock { get; init; }

    private TestDatabase? _database;
    private bool _ownsDatabase;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        Database.Configure(builder);
        // The background relink job would change articles under tests that count commands or compare
        // versions; the test that needs it turns it on.
        builder.UseSetting("Enrichment:RelinkIntervalSeconds", "0");
        // The embargo release job polls twice a second (and would count in SQL-command tests); EmbargoTests turn it on.
        builder.UseSetting("Embargo:ReleaseIntervalMilliseconds", "0");
        // Tests make hundreds of requests from one "client"; the rate-limit tests turn limits on.
        builder.UseSetting("RateLimit:Enabled", "false");
        // The dispatcher polls the database in the background (and would count in SQL-command tests); the webhook tests turn it on.
        builder.UseSetting("Webhooks:DispatchEnabled", "false");
        // Tests that count SQL commands or read their own writes see the uncached path; ResponseCacheTests turn it on.
        builder.UseSetting("Caching:InProcess", "false");
        // The start-up warm-up would run its requests under every test (and count in SQL-command tests); StartupWarmUpTests turn it on.
        builder.UseSetting("WarmUp:Enabled", "false");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Database:SeedSampleData", Seed ? "true" : "false");
        // The corpus's two embargoed articles are extra articles for write keys (and extracted keywords for all); EmbargoTests seed them.
        builder.UseSetting("Database:SeedSampleEmbargoes", Settings.GetValueOrDefault("Database:SeedSampleEmbargoes", "false"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IInterceptor>(Sql);
            foreach (var interceptor in Interceptors)
            {
                services.AddSingleton(interceptor);
            }
        });
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.RemoveAll<TimeProvider>().AddSingleton(clock));
        }
    }

    /// <summary>A client that sends the given API key (or none).</summary>
    public HttpClient ClientWithKey(string? key)
    {
        var client = CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            // A second instance on another factory's database leaves it to that factory.
            if (_ownsDatabase)
            {
                _database?.Drop();
            }

            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow shutdown is left for the OS temp cleaner.
            }
        }
    }
}

/// <summary>A store with no sample data, for import and round-trip tests.</summary>
public sealed class EmptyNewsMetaFactory : NewsMetaFactory
{
    protected override bool Seed => false;
}

public static class HttpJson
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var value = await response.Content.ReadFromJsonAsync<T>(TestJson.Options);
        return value ?? throw new InvalidOperationException("empty JSON body");
    }
}
