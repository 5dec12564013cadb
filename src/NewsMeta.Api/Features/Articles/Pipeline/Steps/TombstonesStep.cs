using NewsMeta.Api.Common;
using NewsMeta.Api.Features.Changes;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>A deleted article leaves a tombstone for the change feed.</summary>
public sealed class TombstonesStep(Tombstones tombstones) : IWriteStep
{
    public string Name => WriteSteps.Tombstones;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        if (batch.Deleted is { } deleted && batch.DeleteStatus == DeleteStatus.Deleted)
        {
            await tombstones.RecordAsync(deleted.Id, deleted.ExternalId, batch.Now, batch.DeletedUnreleased, ct);
        }
    }
}
