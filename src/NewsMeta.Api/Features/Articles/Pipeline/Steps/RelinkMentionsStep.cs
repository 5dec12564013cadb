using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.NamedEntities;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// Matches the loaded articles' text again with the current catalogue: extracted mentions of the confirmed
/// catalogue are replaced, discovered ones stay, publisher-tagged ones get their counts again. An article whose mentions changed is rederived (new
/// version, similar links again) and its entity counts move with it.
/// </summary>
public sealed class RelinkMentionsStep(NewsDbContext db, EntityLinker linker) : IWriteStep
{
    public string Name => WriteSteps.RelinkMentions;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        if (!batch.What.HasFlag(Reenrichment.Mentions) || batch.Loaded.Count == 0)
        {
            return;
        }

        var (matcher, stamp) = await linker.CheckedMatcherAsync(ct);
        var mentioned = batch.Loaded.SelectMany(a => a.Entities).Select(e => e.EntityId).Distinct().ToList();
        var discovered = (await db.Entities.Where(e => mentioned.Contains(e.Id) && e.Status == EntityStatus.Discovered)
            .Select(e => e.Id).ToListAsync(ct)).ToHashSet();
        foreach (var article in batch.Loaded)
        {
            var before = Signature(article);
            article.LinkedThroughEntityId = stamp.MaxEntityId;
            article.LinkedThroughAliasId = stamp.MaxAliasId;
            var entitiesBefore = article.Entities.Select(e => e.EntityId).ToList();
            var matched = article.Entities.Where(e => e.Origin == Origin.Extracted && !discovered.Contains(e.EntityId)).ToList();
            var kept = article.Entities.Where(e => e.Origin == Origin.Extracted && discovered.Contains(e.EntityId)).OrderBy(e => e.Position).ToList();
            db.ArticleEntities.RemoveRange(matched);
            article.Entities.RemoveAll(e => e.Origin == Origin.Extracted);
            EntityLinker.LinkMentions(article, matcher);

            // Discoveries stay (the matcher does not know them), after the matched names as a write puts them,
            // and every mention gets its own position.
            var ordered = article.Entities.Where(e => e.Origin == Origin.Publisher).OrderBy(e => e.Position)
                .Concat(article.Entities.Where(e => e.Origin != Origin.Publisher)).Concat(kept).ToList();
            article.Entities.Clear();
            article.Entities.AddRange(ordered);
            for (var i = 0; i < ordered.Count; i++)
            {
                if (ordered[i].Position != i)
                {
                    ordered[i].Position = i;
                }
            }

            if (Signature(article) != before)
            {
                batch.Rederived.Add(article.Id);
            }

            if (Signature(article) != before && !article.IsEmbargoed)
            {
                batch.Counts.Remove(article.SourceId, [], entitiesBefore);
                batch.Counts.Add(article.SourceId, [], article.Entities.Select(e => e.EntityId));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static string Signature(Article article) =>
        string.Join(';', article.Entities.OrderBy(e => e.EntityId).Select(e => $"{e.EntityId}:{e.Mentions}:{e.Origin}:{e.MatchedAlias}"));
}
