using NewsMeta.Api.Common;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Ingestion;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// The article rows alone (new ones get their ids; each a new version and changedAt), and each one's
/// publisher-given parts built for the next steps. Parts go in later with one bulk statement per table:
/// tracked, the ~30 rows of each article were one INSERT each, and change tracking and fix-up of every row.
/// </summary>
public sealed class StoreArticlesStep(NewsDbContext db) : IWriteStep
{
    public string Name => WriteSteps.StoreArticles;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        var catalogue = batch.Catalogue!;
        var entityCursor = 0;
        foreach (var (_, record, hash) in batch.ToWrite)
        {
            if (!batch.Existing.TryGetValue(record.ExternalId!, out var article))
            {
                article = new Article { ExternalId = record.ExternalId!, Slug = "", Title = "", Body = "", Language = "", ContentHash = "", CreatedAt = batch.Now };
                db.Articles.Add(article);
                batch.Existing[record.ExternalId!] = article;
            }

            ApplyScalars(article, record, hash, batch.Now);
            // Its mentions are matched (LinkMentionsStep) with the catalogue the batch resolved.
            article.LinkedThroughEntityId = batch.MatcherStamp!.MaxEntityId;
            article.LinkedThroughAliasId = batch.MatcherStamp.MaxAliasId;
            article.Source = catalogue.Sources[ArabicNormalizer.Normalize(record.Source!.Name)];
            var mentioned = catalogue.Entities.Skip(entityCursor).Take(record.Entities?.Count ?? 0).ToList();
            entityCursor += mentioned.Count;
            batch.Parts.Add((article, new ArticleParts(
                (record.Credits ?? []).Select((c, i) => new ArticleCredit { Position = i, Source = catalogue.Sources[ArabicNormalizer.Normalize(c.Name)] }).ToList(),
                (record.Keywords ?? []).DistinctBy(ArabicNormalizer.Normalize)
                    .Select((k, i) => new ArticleKeyword { Position = i, Origin = Origin.Publisher, Keyword = catalogue.Keywords[ArabicNormalizer.Normalize(k)] }).ToList(),
                mentioned.Distinct().Select((e, i) => new ArticleEntity { Position = i, Origin = Origin.Publisher, Entity = e }).ToList(),
                (record.Links ?? []).Select((l, i) => NewLink(l, i, article, catalogue.LinkTargets, batch.Existing)).ToList())));
        }

        await db.SaveChangesAsync(ct);
        foreach (var (index, record, _) in batch.ToWrite)
        {
            var article = batch.Existing[record.ExternalId!];
            var created = article.Version == 1;
            batch.Outcomes[index] = new WriteOutcome(created ? WriteStatus.Created : WriteStatus.Updated, article.Id);
            batch.Written.Add(article);
            if (!article.IsEmbargoed)
            {
                // Readers hear of an article once it is theirs to see: created when this write released it.
                var released = article.ReleasedVersion == article.Version;
                batch.Changes.Add(new(released ? Webhooks.WebhookEvents.Created : Webhooks.WebhookEvents.Updated, article.Id, article.ExternalId));
            }
        }

        batch.ChangesStore = true;
    }

    private static void ApplyScalars(Article article, ArticleRecord record, string hash, DateTime now)
    {
        article.Url = record.Url;
        article.Title = record.Title!.Trim();
        article.NormalizedTitle = Article.TitleKey(article.Title);
        article.Summary = record.Summary;
        article.Body = record.Body!;
        article.Language = LanguageTag.Canonical(record.Language!.Trim());
        article.PublishedAt = record.PublishedAt!.Value;
        article.UpdatedAt = record.UpdatedAt;
        article.Slug = Slugs.Create(record.Url, article.Title);
        article.ContentHash = hash;
        article.ChangedAt = now;
        article.Version++;
        ArticleFurnitureWriter.ApplyScalars(article, record);
        Embargo.Apply(article, record.EmbargoUntil, now);
    }

    private static ArticleLink NewLink(LinkRecord link, int position, Article from, LinkTargets targets, Dictionary<string, Article> batchArticles)
    {
        var result = new ArticleLink
        {
            Position = position,
            Kind = EnumNames.TryParse<LinkKind>(link.Kind, out var kind) ? kind : LinkKind.Related,
            TargetExternalId = link.ExternalId,
            TargetUrl = link.Url,
            Title = link.Title,
            TargetTitleKey = TitleTarget.KeyOf(link),
            Origin = Origin.Publisher,
        };
        if (link.ExternalId is not null && batchArticles.TryGetValue(link.ExternalId, out var inBatch))
        {
            result.TargetArticle = inBatch;
        }
        else
        {
            result.TargetArticleId = targets.Find(link, from);
        }

        return result;
    }
}
