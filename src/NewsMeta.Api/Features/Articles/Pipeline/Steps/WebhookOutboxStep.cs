using NewsMeta.Api.Common;
using NewsMeta.Api.Features.Webhooks;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// One delivery per subscription for each change of the batch, stored in its transaction: an event
/// exists exactly when its change does, and a crash before the commit leaves neither.
/// </summary>
public sealed class WebhookOutboxStep(WebhookOutbox outbox) : IWriteStep
{
    public string Name => WriteSteps.WebhookOutbox;

    public Task RunAsync(WriteBatch batch, CancellationToken ct) => outbox.EnqueueAsync(batch.Changes, ct);
}
