using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.NamedEntities;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// Gives each stored article its publisher parts (untracked from here: they are plain lists EF must not
/// find and insert again), then counts the catalogue's entities in its text (<see cref="EntityLinker.LinkMentions"/>).
/// </summary>
public sealed class LinkMentionsStep(NewsDbContext db) : IWriteStep
{
    public string Name => WriteSteps.LinkMentions;

    public Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        foreach (var (article, parts) in batch.Parts)
        {
            db.Entry(article).State = EntityState.Detached;
            parts.AttachTo(article);
            EntityLinker.LinkMentions(article, batch.Matcher!);
        }

        return Task.CompletedTask;
    }
}
