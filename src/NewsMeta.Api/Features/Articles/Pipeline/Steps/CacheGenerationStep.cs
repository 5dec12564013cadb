using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Caching;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// A batch that changed what readers see replaces the data generation in its transaction, so no cached
/// response computed before the commit is served after it. Last before the commit: the generation row
/// is one row every writer updates, held only this long.
/// </summary>
public sealed class CacheGenerationStep(NewsDbContext db, ICacheInvalidator cache) : IWriteStep
{
    public string Name => WriteSteps.CacheGeneration;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        if (batch.ChangesStore)
        {
            batch.CacheBump = await cache.StageAsync(db, ct);
        }
    }
}
