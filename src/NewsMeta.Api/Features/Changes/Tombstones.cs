using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Changes;

/// <summary>Records deletions for the change feed (inside the deleting transaction) and forgets expired ones.</summary>
public sealed class Tombstones(NewsDbContext db, IOptions<ChangeFeedOptions> options)
{
    public async Task RecordAsync(int articleId, string externalId, DateTime at, bool unreleased, CancellationToken ct)
    {
        db.ArticleTombstones.Add(new ArticleTombstone { ArticleId = articleId, ExternalId = externalId, DeletedAt = at, Unreleased = unreleased });
        await db.SaveChangesAsync(ct);
        // Expired tombstones go as new ones come: one indexed statement, no background job needed.
        var expired = at.AddDays(-options.Value.TombstoneDays);
        await db.ArticleTombstones.Where(t => t.DeletedAt < expired).ExecuteDeleteAsync(ct);
    }
}
