using NewsMeta.Api.Data;

namespace NewsMeta.Api.Common.Caching;

/// <summary>
/// Where a cacheable request learns the current data generation (the value every write replaces) when
/// responses are cached in this instance's memory. Cached responses are keyed by it.
/// </summary>
public interface IDataGeneration
{
    ValueTask<string> CurrentAsync(IServiceProvider requestServices, CancellationToken ct);

    /// <summary>This instance has just committed a write that replaced the generation with <paramref name="value"/>.</summary>
    void Replaced(string value);
}

/// <summary>Reads the generation row through EF on every cacheable request (PostgreSQL with a read replica: the replica's row).</summary>
internal sealed class QueriedDataGeneration : IDataGeneration
{
    public async ValueTask<string> CurrentAsync(IServiceProvider requestServices, CancellationToken ct) =>
        await DatabaseGeneration.ReadAsync(requestServices.GetRequiredService<NewsDbContext>(), ct);

    public void Replaced(string value)
    {
    }
}
