using NewsMeta.Api.Common;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.NamedEntities;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>The written articles' bylines, media and sections, replaced on update as their credits are (<see cref="ArticleFurnitureWriter"/>).</summary>
public sealed class StoreFurnitureStep(NewsDbContext db, EntityCatalog entities) : IWriteStep
{
    public string Name => WriteSteps.StoreFurniture;

    public Task RunAsync(WriteBatch batch, CancellationToken ct) =>
        batch.ToWrite.Count == 0
            ? Task.CompletedTask
            : ArticleFurnitureWriter.StoreAsync(db, entities, batch.ToWrite.Select(w => (batch.Existing[w.Record.ExternalId!], w.Record)).ToList(), ct);
}
