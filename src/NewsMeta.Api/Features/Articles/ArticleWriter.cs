using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Caching;
using NewsMeta.Api.Common.Json;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Enrichment;
using NewsMeta.Api.Features.Ingestion;
using NewsMeta.Api.Features.Keywords;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Sources;
using NewsMeta.Text;

namespace NewsMeta.Api.Features.Articles;

/// <summary>
/// The one write path for articles (REST PUT, GraphQL, NDJSON import, page import). A batch is written
/// in one transaction: every article in it is either wholly stored or absent.
/// Records must already have passed <see cref="ArticleRecordValidator"/>.
/// </summary>
public sealed class ArticleWriter(NewsDbContext db, SourceCatalog sources, KeywordCatalog keywords, EntityCatalog entities, TimeProvider clock, ICacheInvalidator cache, EntityLinker linker, ArticleEnrichment enrichment, Changes.Tombstones tombstones, Webhooks.WebhookOutbox webhooks, ILogger<ArticleWriter> log)
{
    /// <summary>Upserts by externalId; returns one outcome per record, in order.</summary>
    /// <param name="records">Validated records.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="precondition">
    /// For a single conditional write (If-Match): checked inside the write's transaction, again on every
    /// retry, so two writers holding the same ETag cannot both succeed; false gives <see cref="WriteStatus.PreconditionFailed"/>.
    /// </param>
    public async Task<IReadOnlyList<WriteOutcome>> UpsertAsync(IReadOnlyList<ArticleRecord> records, CancellationToken ct, Func<CancellationToken, Task<bool>>? precondition = null)
    {
        var outcomes = new List<WriteOutcome>(records.Count);
        // A repeated externalId starts a new run, so the later record wins, as if sent one by one.
        foreach (var run in SplitAtRepeats(records))
        {
            outcomes.AddRange(await WriteRunWithRetryAsync(run, precondition, ct));
        }

        return outcomes;
    }

    /// <summary>
    /// Deletes an article; publisher links pointing at it become unresolved (they keep externalId/url/title),
    /// and the similar lists it was in are recomputed right after (<see cref="RefillSimilarAsync"/>).
    /// </summary>
    /// <param name="id">The article.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="precondition">
    /// For a conditional delete (If-Match): checked inside the delete's transaction, after the article's
    /// externalId is locked as writers lock it, so a write in between cannot be deleted unseen.
    /// </param>
    public async Task<DeleteStatus> DeleteAsync(int id, CancellationToken ct, Func<CancellationToken, Task<bool>>? precondition = null)
    {
        var (status, bereft) = await ConflictRetry.RunAsync(db, token => DeleteOnceAsync(id, precondition, token), ct);
        if (status == DeleteStatus.Deleted)
        {
            await RefillSimilarAsync(bereft, ct);
        }

        return status;
    }

    /// <summary>One attempt at a delete, in its transaction; when deleted, with the articles whose similar lists linked to it.</summary>
    private async Task<(DeleteStatus Status, List<int> Bereft)> DeleteOnceAsync(int id, Func<CancellationToken, Task<bool>>? precondition, CancellationToken ct)
    {
        await using var tx = await BeginAsync(ct);
        var article = await db.Articles.Where(a => a.Id == id).Select(a => new { a.Id, a.SourceId, a.ExternalId }).FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return (DeleteStatus.NotFound, []);
        }

        if (precondition is not null)
        {
            await LockExternalIdsAsync([article.ExternalId], ct);
            if (!await precondition(ct))
            {
                return (DeleteStatus.PreconditionFailed, []);
            }
        }

        // Computed similarity to an article that is gone is no similarity; publisher links stay, unresolved.
        var computed = db.ArticleLinks.Where(l => l.TargetArticleId == id && l.Origin == Origin.Computed);
        var listsWithIt = computed.Where(l => l.ArticleId != id).Select(l => l.ArticleId).Distinct();
        await enrichment.LockListsForDeleteAsync([.. await listsWithIt.ToListAsync(ct), id], ct);
        // Read again under the locks: a writer that held one may have added a link to it meanwhile.
        var bereft = await listsWithIt.ToListAsync(ct);
        var counts = new CatalogCountDeltas();
        await RemoveStoredAsync(counts, [(id, article.SourceId)], ct);
        await computed.ExecuteDeleteAsync(ct);
        await db.Articles.Where(a => a.Id == id).ExecuteDeleteAsync(ct);
        await tombstones.RecordAsync(id, article.ExternalId, clock.GetUtcNow().UtcDateTime, ct);
        await webhooks.EnqueueAsync([new(Webhooks.WebhookEvents.Deleted, id, article.ExternalId)], ct);
        await enrichment.ForgetAsync(id, ct);
        await counts.ApplyAsync(db, ct);
        var bump = await cache.StageAsync(db, ct);
        await tx.CommitAsync(ct);
        await cache.CommittedAsync(bump, ct);
        return (DeleteStatus.Deleted, bereft);
    }

    /// <summary>
    /// The articles whose similar lists lost a link to a deleted article get them recomputed, so the lists
    /// refill with the next most similar articles instead of staying short until each is written again.
    /// In a transaction of its own: the similar step's advisory locks come before any row lock in every
    /// writer, and the delete has taken row locks by then (inside the delete's transaction, four parallel
    /// deletes deadlocked). Best effort: the delete is committed, so a failure here is logged, not answered.
    /// </summary>
    private async Task RefillSimilarAsync(List<int> articleIds, CancellationToken ct)
    {
        if (articleIds.Count == 0)
        {
            return;
        }

        try
        {
            db.ChangeTracker.Clear();
            await ConflictRetry.RunAsync(db, async token =>
            {
                await using var tx = await BeginAsync(token);
                await enrichment.RefillSimilarAsync(articleIds, token);
                var bump = await cache.StageAsync(db, token);
                await tx.CommitAsync(token);
                await cache.CommittedAsync(bump, token);
                return true;
            }, ct);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(ex, "Recomputing the similar lists of {Count} articles after a delete failed; they stay short until rewritten", articleIds.Count);
        }
    }

    /// <summary>
    /// A write transaction without EF's automatic savepoints: by default every SaveChanges inside a
    /// transaction is wrapped in SAVEPOINT / RELEASE, two more round trips each (8 per single write, about
    /// a tenth of the service's sampled time on S5). They would let the transaction go on after a failed
    /// SaveChanges; this writer never does: it rolls the whole transaction back and retries.
    /// </summary>
    private async Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> BeginAsync(CancellationToken ct)
    {
        var tx = await db.Database.BeginTransactionAsync(ct);
        db.Database.AutoSavepointsEnabled = false;
        return tx;
    }

    private Task<IReadOnlyList<WriteOutcome>> WriteRunWithRetryAsync(IReadOnlyList<ArticleRecord> run, Func<CancellationToken, Task<bool>>? precondition, CancellationToken ct) =>
        ConflictRetry.RunAsync(db, token => WriteRunAsync(run, precondition, token), ct);

    private async Task<IReadOnlyList<WriteOutcome>> WriteRunAsync(IReadOnlyList<ArticleRecord> run, Func<CancellationToken, Task<bool>>? precondition, CancellationToken ct)
    {
        await using var tx = await BeginAsync(ct);
        await LockExternalIdsAsync(run.Select(r => r.ExternalId!), ct);
        if (precondition is not null && !await precondition(ct))
        {
            return run.Select(_ => new WriteOutcome(WriteStatus.PreconditionFailed, 0)).ToList();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var externalIds = run.Select(r => r.ExternalId!).ToList();
        var existing = await db.Articles.Where(a => externalIds.Contains(a.ExternalId)).ToDictionaryAsync(a => a.ExternalId, ct);
        var urlConflicts = await FindUrlConflictsAsync(run, ct);

        var outcomes = new WriteOutcome?[run.Count];
        var toWrite = new List<(int Index, ArticleRecord Record, string Hash)>();
        for (var i = 0; i < run.Count; i++)
        {
            var record = run[i];
            var hash = ContentHash(record);
            existing.TryGetValue(record.ExternalId!, out var stored);
            if (record.Url is not null && urlConflicts.TryGetValue(record.Url, out var owner) && owner != record.ExternalId)
            {
                outcomes[i] = new WriteOutcome(WriteStatus.Rejected, stored?.Id ?? 0,
                    new Dictionary<string, string[]> { ["url"] = [$"is already the url of article '{owner}'"] });
            }
            else if (stored is not null && stored.ContentHash == hash)
            {
                outcomes[i] = new WriteOutcome(WriteStatus.Unchanged, stored.Id);
            }
            else
            {
                toWrite.Add((i, record, hash));
                if (record.Url is not null)
                {
                    urlConflicts[record.Url] = record.ExternalId!;
                }
            }
        }

        var counts = new CatalogCountDeltas();
        if (toWrite.Count > 0)
        {
            await WriteArticlesAsync(toWrite.Select(w => (w.Record, w.Hash)).ToList(), existing, now, counts, ct);
            foreach (var (index, record, _) in toWrite)
            {
                var article = existing[record.ExternalId!];
                outcomes[index] = new WriteOutcome(article.Version == 1 ? WriteStatus.Created : WriteStatus.Updated, article.Id);
            }

            // In the same transaction: the index, keywords and similar links never disagree with the articles,
            // and webhook deliveries exist exactly for the changes that were stored.
            await enrichment.EnrichAsync(toWrite.Select(w => existing[w.Record.ExternalId!]).ToList(), ct);
            await webhooks.EnqueueAsync(toWrite.Select(w => existing[w.Record.ExternalId!])
                .Select(a => new Webhooks.ArticleEvent(a.Version == 1 ? Webhooks.WebhookEvents.Created : Webhooks.WebhookEvents.Updated, a.Id, a.ExternalId)).ToList(), ct);
            foreach (var article in toWrite.Select(w => existing[w.Record.ExternalId!]))
            {
                counts.Add(article.SourceId, article.Keywords.Select(k => k.Keyword?.Id ?? k.KeywordId), article.Entities.Select(e => e.Entity?.Id ?? e.EntityId));
            }

            await counts.ApplyAsync(db, ct);
        }

        // Last before the commit: the generation row is one row every writer updates, held only this long.
        var bump = toWrite.Count > 0 ? await cache.StageAsync(db, ct) : null;
        await tx.CommitAsync(ct);
        if (toWrite.Count > 0)
        {
            await cache.CommittedAsync(bump, ct);
        }

        // Long imports reuse this context: keep the change tracker from growing batch after batch.
        db.ChangeTracker.Clear();
        return outcomes.Select(o => o!).ToList();
    }

    private async Task WriteArticlesAsync(List<(ArticleRecord Record, string Hash)> batch, Dictionary<string, Article> existing, DateTime now, CatalogCountDeltas counts, CancellationToken ct)
    {
        var updated = batch.Where(w => existing.ContainsKey(w.Record.ExternalId!)).Select(w => existing[w.Record.ExternalId!]).ToList();
        var updatedIds = updated.Select(a => a.Id).ToList();
        if (updatedIds.Count > 0)
        {
            await RemoveStoredAsync(counts, updated.Select(a => (a.Id, a.SourceId)).ToList(), ct);
            // Replace the publisher-given parts; computed links (similar) are the enrichment's and stay.
            await db.ArticleCredits.Where(c => updatedIds.Contains(c.ArticleId)).ExecuteDeleteAsync(ct);
            await db.ArticleKeywords.Where(k => updatedIds.Contains(k.ArticleId)).ExecuteDeleteAsync(ct);
            await db.ArticleEntities.Where(e => updatedIds.Contains(e.ArticleId)).ExecuteDeleteAsync(ct);
            await db.ArticleLinks.Where(l => updatedIds.Contains(l.ArticleId) && l.Origin == Origin.Publisher).ExecuteDeleteAsync(ct);
        }

        var records = batch.Select(w => w.Record).ToList();
        var sourceMap = await sources.ResolveAsync(records.SelectMany(SourcesOf), ct);
        var keywordMap = await keywords.ResolveAsync(records.SelectMany(r => r.Keywords ?? []), ct);
        var entityInputs = records.SelectMany(r => r.Entities ?? []).Select(ToEntityInput).ToList();
        var entityList = await entities.ResolveAsync(entityInputs, ct);
        var linkTargets = await FindLinkTargetsAsync(records, ct);

        // New sources, keywords, entities and aliases first (nothing else is pending yet): the matcher then
        // knows the batch's own new entities, so an article naming an entity that another article of the
        // same batch introduced is linked to it too.
        await db.SaveChangesAsync(ct);
        var matcher = await linker.MatcherAsync(ct);

        var entityCursor = 0;
        var written = new List<(Article Article, ArticleParts Parts)>(batch.Count);
        foreach (var (record, hash) in batch)
        {
            if (!existing.TryGetValue(record.ExternalId!, out var article))
            {
                article = new Article { ExternalId = record.ExternalId!, Slug = "", Title = "", Body = "", Language = "", ContentHash = "", CreatedAt = now };
                db.Articles.Add(article);
                existing[record.ExternalId!] = article;
            }

            ApplyScalars(article, record, hash, now);
            article.Source = sourceMap[ArabicNormalizer.Normalize(record.Source!.Name)];
            var mentioned = entityList.Skip(entityCursor).Take(record.Entities?.Count ?? 0).ToList();
            entityCursor += mentioned.Count;
            written.Add((article, new ArticleParts(
                (record.Credits ?? []).Select((c, i) => new ArticleCredit { Position = i, Source = sourceMap[ArabicNormalizer.Normalize(c.Name)] }).ToList(),
                (record.Keywords ?? []).DistinctBy(ArabicNormalizer.Normalize)
                    .Select((k, i) => new ArticleKeyword { Position = i, Origin = Origin.Publisher, Keyword = keywordMap[ArabicNormalizer.Normalize(k)] }).ToList(),
                mentioned.Distinct().Select((e, i) => new ArticleEntity { Position = i, Origin = Origin.Publisher, Entity = e }).ToList(),
                (record.Links ?? []).Select((l, i) => NewLink(l, i, linkTargets, existing)).ToList())));
        }

        // The articles alone, then their parts in one bulk statement per table (see BulkInsert): tracked,
        // the ~30 rows of each article were one INSERT each, and change tracking and fix-up of every row.
        await db.SaveChangesAsync(ct);
        foreach (var (article, parts) in written)
        {
            // Untracked from here: the parts below are plain lists EF must not find and insert again.
            db.Entry(article).State = EntityState.Detached;
            parts.AttachTo(article);
            EntityLinker.LinkMentions(article, matcher);
        }

        await db.InsertAsync(written.SelectMany(w => w.Article.Credits).ToList(), ct);
        await db.InsertAsync(written.SelectMany(w => w.Article.Keywords).ToList(), ct);
        await db.InsertAsync(written.SelectMany(w => w.Article.Entities).ToList(), ct);
        await db.InsertAsync(written.SelectMany(w => w.Article.Links).ToList(), ct);
        await ArticleFurnitureWriter.StoreAsync(db, entities, batch.Select((w, i) => (written[i].Article, w.Record)).ToList(), ct);
        await ResolvePendingLinksAsync(batch.Select(w => w.Record).ToList(), ct);
    }

    /// <summary>An article's publisher-given parts, built before the article has an id.</summary>
    private sealed record ArticleParts(List<ArticleCredit> Credits, List<ArticleKeyword> Keywords, List<ArticleEntity> Entities, List<ArticleLink> Links)
    {
        /// <summary>Gives the saved article its parts, with every key filled in from the saved rows they point at.</summary>
        public void AttachTo(Article article)
        {
            foreach (var credit in Credits)
            {
                (credit.ArticleId, credit.SourceId) = (article.Id, credit.Source.Id);
            }

            foreach (var keyword in Keywords)
            {
                (keyword.ArticleId, keyword.KeywordId) = (article.Id, keyword.Keyword.Id);
            }

            foreach (var entity in Entities)
            {
                (entity.ArticleId, entity.EntityId) = (article.Id, entity.Entity.Id);
            }

            foreach (var link in Links)
            {
                link.ArticleId = article.Id;
                link.TargetArticleId = link.TargetArticle?.Id ?? link.TargetArticleId;
            }

            (article.Credits, article.Keywords, article.Entities, article.Links) = (Credits, Keywords, Entities, Links);
        }
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
    }

    private static ArticleLink NewLink(LinkRecord link, int position, LinkTargets targets, Dictionary<string, Article> batchArticles)
    {
        var result = new ArticleLink
        {
            Position = position,
            Kind = EnumNames.TryParse<LinkKind>(link.Kind, out var kind) ? kind : LinkKind.Related,
            TargetExternalId = link.ExternalId,
            TargetUrl = link.Url,
            Title = link.Title,
            Origin = Origin.Publisher,
        };
        if (link.ExternalId is not null && batchArticles.TryGetValue(link.ExternalId, out var inBatch))
        {
            result.TargetArticle = inBatch;
        }
        else
        {
            result.TargetArticleId = targets.Find(link);
        }

        return result;
    }

    /// <summary>
    /// PostgreSQL: writers of the same externalIds take turns (transaction-scoped advisory locks, taken in
    /// key order so two batches cannot deadlock). Without it, an import batch racing single writes would
    /// hit the unique index again on every retry, once per racing writer. SQLite needs nothing: it runs
    /// one write transaction at a time.
    /// </summary>
    private async Task LockExternalIdsAsync(IEnumerable<string> externalIds, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var keys = externalIds.Select(id => BitConverter.ToInt64(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id)), 0)).Distinct().Order().ToArray();
        await db.Database.ExecuteSqlAsync($"SELECT count(pg_advisory_xact_lock(k)) FROM (SELECT unnest({keys}) AS k ORDER BY k) AS keys", ct);
    }

    private async Task<Dictionary<string, string>> FindUrlConflictsAsync(IReadOnlyList<ArticleRecord> run, CancellationToken ct)
    {
        var urls = run.Where(r => r.Url is not null).Select(r => r.Url!).Distinct().ToList();
        return urls.Count == 0
            ? []
            : await db.Articles.Where(a => a.Url != null && urls.Contains(a.Url)).ToDictionaryAsync(a => a.Url!, a => a.ExternalId, ct);
    }

    private async Task<LinkTargets> FindLinkTargetsAsync(List<ArticleRecord> records, CancellationToken ct)
    {
        var links = records.SelectMany(r => r.Links ?? []).ToList();
        var ids = links.Where(l => l.ExternalId is not null).Select(l => l.ExternalId!).Distinct().ToList();
        var urls = links.Where(l => l.ExternalId is null && l.Url is not null).Select(l => l.Url!).Distinct().ToList();
        if (ids.Count == 0 && urls.Count == 0)
        {
            return new LinkTargets([], []);
        }

        var found = await db.Articles.Where(a => ids.Contains(a.ExternalId) || (a.Url != null && urls.Contains(a.Url)))
            .Select(a => new { a.Id, a.ExternalId, a.Url }).ToListAsync(ct);
        return new LinkTargets(
            found.ToDictionary(a => a.ExternalId, a => a.Id),
            found.Where(a => a.Url is not null).ToDictionary(a => a.Url!, a => a.Id));
    }

    /// <summary>Links stored earlier whose target has just arrived now point at it (by externalId, else url).</summary>
    private async Task ResolvePendingLinksAsync(List<ArticleRecord> records, CancellationToken ct)
    {
        var ids = records.Select(r => r.ExternalId!).ToList();
        await db.ArticleLinks.Where(l => l.TargetArticleId == null && l.TargetExternalId != null && ids.Contains(l.TargetExternalId))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.TargetArticleId,
                l => db.Articles.Where(a => a.ExternalId == l.TargetExternalId).Select(a => (int?)a.Id).FirstOrDefault()), ct);
        var urls = records.Where(r => r.Url is not null).Select(r => r.Url!).ToList();
        if (urls.Count > 0)
        {
            await db.ArticleLinks.Where(l => l.TargetArticleId == null && l.TargetExternalId == null && l.TargetUrl != null && urls.Contains(l.TargetUrl))
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.TargetArticleId,
                    l => db.Articles.Where(a => a.Url == l.TargetUrl).Select(a => (int?)a.Id).FirstOrDefault()), ct);
        }
    }

    /// <summary>Stored articles about to be replaced or deleted stop counting for their source, keywords and entities.</summary>
    private async Task RemoveStoredAsync(CatalogCountDeltas counts, IReadOnlyList<(int Id, int SourceId)> articles, CancellationToken ct)
    {
        var ids = articles.Select(a => a.Id).ToList();
        var keywordsOf = (await db.ArticleKeywords.Where(k => ids.Contains(k.ArticleId)).Select(k => new { k.ArticleId, k.KeywordId }).ToListAsync(ct))
            .ToLookup(k => k.ArticleId, k => k.KeywordId);
        var entitiesOf = (await db.ArticleEntities.Where(e => ids.Contains(e.ArticleId)).Select(e => new { e.ArticleId, e.EntityId }).ToListAsync(ct))
            .ToLookup(e => e.ArticleId, e => e.EntityId);
        foreach (var (id, sourceId) in articles)
        {
            counts.Remove(sourceId, keywordsOf[id], entitiesOf[id]);
        }
    }

    private static IEnumerable<(string, SourceKind)> SourcesOf(ArticleRecord record) =>
        (record.Credits ?? []).Prepend(record.Source!).Select(s => (s.Name!, EnumNames.TryParse<SourceKind>(s.Kind, out var k) ? k : SourceKind.Other));

    private static EntityMentionInput ToEntityInput(EntityRecord e) =>
        new(e.Name!, EnumNames.TryParse<EntityType>(e.Type, out var t) ? t : EntityType.Other, e.Aliases ?? []);

    private static IEnumerable<List<ArticleRecord>> SplitAtRepeats(IReadOnlyList<ArticleRecord> records)
    {
        var run = new List<ArticleRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (!seen.Add(record.ExternalId!))
            {
                yield return run;
                run = [];
                seen = new HashSet<string>(StringComparer.Ordinal) { record.ExternalId! };
            }

            run.Add(record);
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    /// <summary>A stable hash of the record as parsed (unknown fields and formatting do not count).</summary>
    private static string ContentHash(ArticleRecord record) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(record, NewsJson.Options)))[..32];

    private sealed record LinkTargets(Dictionary<string, int> ByExternalId, Dictionary<string, int> ByUrl)
    {
        public int? Find(LinkRecord link) =>
            link.ExternalId is not null
                ? ByExternalId.TryGetValue(link.ExternalId, out var id) ? id : null
                : link.Url is not null && ByUrl.TryGetValue(link.Url, out var byUrl) ? byUrl : null;
    }
}
