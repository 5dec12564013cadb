namespace NewsMeta.Api.Features.Articles.Pipeline;

/// <summary>
/// One step of the write pipeline (<see cref="WritePipelineSteps"/>): one job, run inside the batch's
/// transaction, reading and filling the shared <see cref="WriteBatch"/>. A step with nothing to do for a
/// batch (no deleted article, say) returns at once.
/// </summary>
public interface IWriteStep
{
    /// <summary>The step's name in <c>newsmeta.write.step</c> (one of <see cref="Common.WriteSteps"/>).</summary>
    string Name { get; }

    Task RunAsync(WriteBatch batch, CancellationToken ct);
}
