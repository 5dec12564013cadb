using NewsMeta.Api.Common;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// A conditional write's If-Match, checked after the keys are locked and again on every retry, so two
/// writers holding the same ETag cannot both succeed. False stops the batch: nothing is written.
/// </summary>
public sealed class PreconditionStep : IWriteStep
{
    public string Name => WriteSteps.Precondition;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        if (batch.Precondition is null || await batch.Precondition(ct))
        {
            return;
        }

        batch.Outcomes = batch.Records.Select(_ => (WriteOutcome?)new WriteOutcome(WriteStatus.PreconditionFailed, 0)).ToArray();
        batch.DeleteStatus = DeleteStatus.PreconditionFailed;
        batch.Stop();
    }
}
