using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>The article to delete (its externalId to lock, its source to stop counting); none stops the batch.</summary>
public sealed class FindDeletedStep(NewsDbContext db) : IWriteStep
{
    public string Name => WriteSteps.FindDeleted;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        var found = await db.Articles.Where(a => a.Id == batch.DeleteId).Select(a => new { a.Id, a.SourceId, a.ExternalId, Unreleased = a.ReleasedVersion == null }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            batch.DeleteStatus = DeleteStatus.NotFound;
            batch.Stop();
            return;
        }

        batch.Deleted = (found.Id, found.SourceId, found.ExternalId);
        batch.DeletedUnreleased = found.Unreleased;
    }
}
