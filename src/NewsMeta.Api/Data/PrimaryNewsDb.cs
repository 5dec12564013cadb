using Microsoft.EntityFrameworkCore;

namespace NewsMeta.Api.Data;

/// <summary>
/// A context on the primary even inside a read request, for the rare write a GET makes (registering a
/// persisted query). Without a replica it is simply the request's own context.
/// </summary>
public sealed class PrimaryNewsDb(IServiceProvider services, DatabaseRoute route) : IAsyncDisposable
{
    private NewsDbContext? _own;

    public NewsDbContext Context =>
        route.UseReplica && services.GetService<ReplicaSettings>() is { ReadOnlyConnection: not null } settings
            ? _own ??= settings.CreatePrimary(services)
            : services.GetRequiredService<NewsDbContext>();

    public async ValueTask DisposeAsync()
    {
        if (_own is not null)
        {
            await _own.DisposeAsync();
        }
    }
}

/// <summary>The PostgreSQL connection strings, and how to open a primary context outside the request's route.</summary>
public sealed record ReplicaSettings(string Primary, string? ReadOnlyConnection)
{
    public NewsDbContext CreatePrimary(IServiceProvider services) =>
        new PostgresNewsDbContext((DbContextOptions<PostgresNewsDbContext>)DatabaseServiceCollectionExtensions.PostgresOptions(new DbContextOptionsBuilder<PostgresNewsDbContext>(), Primary, services).Options);
}
