using NewsMeta.Api.Common;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.NamedEntities;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// Matches the loaded articles' text again with the current catalogue: extracted mentions are replaced,
/// publisher-tagged ones get their counts again. An article whose mentions changed is rederived (new
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

        var matcher = await linker.MatcherAsync(ct);
        foreach (var article in batch.Loaded)
        {
            var before = Signature(article);
            var entitiesBefore = article.Entities.Select(e => e.EntityId).ToList();
            db.ArticleEntities.RemoveRange(article.Entities.Where(e => e.Origin == Origin.Extracted));
            article.Entities.RemoveAll(e => e.Origin == Origin.Extracted);
            EntityLinker.LinkMentions(article, matcher);
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
