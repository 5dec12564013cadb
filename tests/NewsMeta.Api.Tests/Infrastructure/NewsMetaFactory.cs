using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace NewsMeta.Api.Tests.Infrastructure;

/// <summary>
/// The real service over HTTP, on its own SQLite file (deleted afterwards), seeded with the shipped
/// sample corpus unless <see cref="Seed"/> is false. Runs in Development, so the documented dev keys work.
/// </summary>
public class NewsMetaFactory : WebApplicationFactory<Program>
{
    public const string WriteKey = "dev-write-key";
    public const string ReadKey = "dev-read-key";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "newsmeta-tests", Guid.NewGuid().ToString("N"));

    public SqlCommandCounter Sql { get; } = new();

    protected virtual bool Seed => true;

    public string DatabasePath => Path.Combine(_folder, "newsmeta.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:NewsMeta", $"Data Source={DatabasePath}");
        builder.UseSetting("Database:SeedSampleData", Seed ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Sql));
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
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
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
