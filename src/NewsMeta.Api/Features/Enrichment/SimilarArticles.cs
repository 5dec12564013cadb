using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;

namespace NewsMeta.Api.Features.Enrichment;

/// <summary>
/// Computed <c>similar</c> links: for each new or changed article, the <see cref="MaxLinks"/> articles
/// sharing the most entities and keywords, each shared one weighted by its rarity (1 / (1 + articles
/// with it)), so a rare shared name counts more than a common one. Incremental: candidates come only
/// from the entity and keyword tables, never from a scan of the store, and an article that beats the
/// weakest similar link of a candidate takes its place there too. Publisher links are never touched.
/// </summary>
public sealed class SimilarArticles(NewsDbContext db)
{
    public const int MaxLinks = 10;

    /// <summary>Candidates per shared entity or keyword: the most recently stored articles naming it.</summary>
    public const int CandidatesPerName = 200;

    /// <summary>Writes of up to this many articles lock names and lists one by one (see TakeTurnsAsync).</summary>
    private const int MostArticlesForFineLocks = 8;

    /// <summary>Scores are compared rounded to 4 decimals: pairs this close to an article's last kept one may still tie or beat it.</summary>
    private const double RankingMargin = 0.0002;

    /// <summary>Computed links sort after the publisher's own links.</summary>
    private const int FirstPosition = 1000;

    // First halves of the advisory lock keys (no-ops on SQLite, see IDatabaseDialect) (the second is the article, entity or keyword id, or 0 for
    // "all lists"); the two-int key space is apart from the one-bigint keys of
    // ArticleWriter.LockExternalIdsAsync. A writer takes the all-lists lock, then name locks, then list
    // locks, and nothing after them but row locks of the counts and the generation, so the order is the
    // same for every writer.
    private const int SimilarListLockClass = 0x4E4D; // "NM"
    private const int AllListsLockClass = 0x4E41; // "NA"
    private const int EntityLockClass = 0x4E45; // "NE"
    private const int KeywordLockClass = 0x4E4B; // "NK"

    public async Task ComputeAsync(IReadOnlyCollection<int> articleIds, CancellationToken ct)
    {
        if (articleIds.Count == 0)
        {
            return;
        }

        var cap = await RarityCapAsync(ct);
        var fineLocks = await TakeTurnsAsync(articleIds.Count, ct);
        if (fineLocks)
        {
            await LockSharedNamesAsync(articleIds, cap, ct);
        }

        var shares = await SharedAsync(articleIds, cap, ct);
        var scores = shares.GroupBy(s => (s.A, s.B))
            .Select(g => (g.Key.A, g.Key.B, Score: Math.Round(g.Sum(s => s.Weight), 4)))
            .ToList();

        // Publisher targets are left out by the candidate query already (before it ranks).
        var top = scores.GroupBy(s => s.A).ToDictionary(g => g.Key, g => g
            .OrderByDescending(s => s.Score).ThenBy(s => s.B).Take(MaxLinks).ToList());
        var linked = top.Values.SelectMany(l => l).ToList();
        if (fineLocks)
        {
            await LockListsAsync(articleIds.Concat(linked.Select(l => l.B)), ct);
        }

        // The written articles' own lists are recomputed from scratch. New links go in with one bulk
        // statement, untracked: they were 16 single-row INSERTs per written article.
        await db.ArticleLinks.Where(l => articleIds.Contains(l.ArticleId) && l.Origin == Origin.Computed).ExecuteDeleteAsync(ct);
        var explain = await ReasonsAsync(shares, linked, ct);
        var added = top.SelectMany(t => t.Value.Select((s, i) => NewLink(t.Key, s.B, s.Score, explain(s.A, s.B), FirstPosition + i))).ToList();
        // An embargoed article is not offered to others' lists: it is nobody's similar link until released.
        var embargoed = (await db.Articles.Where(a => articleIds.Contains(a.Id) && a.ReleasedVersion == null).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
        var offered = embargoed.Count == 0 ? linked : linked.Where(l => !embargoed.Contains(l.A)).ToList();
        var evicted = await OfferToCandidatesAsync(articleIds.ToHashSet(), offered, explain, added, ct);
        if (evicted.Count > 0)
        {
            await db.ArticleLinks.Where(l => evicted.Contains(l.Id)).ExecuteDeleteAsync(ct);
        }

        await db.InsertAsync(added, ct);
    }

    /// <summary>
    /// For a delete, which changes similar lists too (the deleted article's own, and those linking to it):
    /// the turns a write of those lists would take, in the same order, before the delete touches a row.
    /// Two deletes of articles in each other's lists otherwise deadlocked on PostgreSQL (each deleted the
    /// other's link to it, then its own links by cascade).
    /// </summary>
    public async Task LockListsForDeleteAsync(IReadOnlyCollection<int> lists, CancellationToken ct)
    {
        if (await TakeTurnsAsync(lists.Count, ct))
        {
            await LockListsAsync(lists, ct);
        }
    }

    /// <summary>
    /// PostgreSQL: a write of at most <see cref="MostArticlesForFineLocks"/> articles takes the lock on all
    /// similar lists shared, then fine-grained locks (names, then lists; true); a bigger one (an import
    /// batch, a large group) takes it exclusively and no fine ones (false). Every advisory lock is an entry
    /// in PostgreSQL's shared lock table (64 × max_connections by default): a 500-article import batch
    /// held over 8,000 fine-grained locks, enough to fail with "out of shared memory" beside other writers.
    /// </summary>
    private async Task<bool> TakeTurnsAsync(int articles, CancellationToken ct)
    {
        var fine = articles <= MostArticlesForFineLocks;
        await db.Dialect.LockClassAsync(db, AllListsLockClass, exclusive: !fine, ct);
        return fine;
    }

    /// <summary>
    /// PostgreSQL: a writer locks the similar lists it is about to rewrite (its own articles' and its
    /// candidates'), until it commits: transaction-scoped advisory locks, one per article id, taken in id
    /// order in one statement so two writers cannot deadlock. Without them, two writers offering to the
    /// same candidate both read its list and both replace its weakest link, and the second one's delete
    /// finds no row (with 32 writers on 8 similar articles some exhausted their retries: 500). Writers of
    /// unrelated articles do not wait for each other. The candidate lists are read after the lock, so a
    /// writer that waited sees what the one before it committed. SQLite runs one write transaction at a
    /// time already.
    /// </summary>
    private async Task LockListsAsync(IEnumerable<int> articleIds, CancellationToken ct)
    {
        await db.Dialect.LockIdsAsync(db, SimilarListLockClass, articleIds, ct);
    }

    /// <summary>
    /// Adds a written article to a candidate's list when it beats the candidate's weakest computed link:
    /// the new link joins <paramref name="added"/>; returns the ids of stored links it pushed out.
    /// </summary>
    private async Task<List<int>> OfferToCandidatesAsync(HashSet<int> written, List<(int A, int B, double Score)> pairs, Func<int, int, LinkReasons> explain, List<ArticleLink> added, CancellationToken ct)
    {
        var candidates = pairs.Select(p => p.B).Where(b => !written.Contains(b)).ToHashSet();
        if (candidates.Count == 0)
        {
            return [];
        }

        var candidateIds = candidates.ToList();
        var lists = (await db.ArticleLinks.Where(l => candidateIds.Contains(l.ArticleId) && l.Origin == Origin.Computed)
                .Select(l => new ListedLink { Id = l.Id, ArticleId = l.ArticleId, Target = l.TargetArticleId, Score = l.Score }).ToListAsync(ct))
            .GroupBy(l => l.ArticleId).ToDictionary(g => g.Key, g => g.ToList());
        var evicted = new List<int>();
        var dropped = new HashSet<ArticleLink>(ReferenceEqualityComparer.Instance);
        foreach (var offer in pairs.Where(p => candidates.Contains(p.B)).OrderByDescending(p => p.Score))
        {
            var list = lists.TryGetValue(offer.B, out var found) ? found : lists[offer.B] = [];
            if (list.Any(l => l.Target == offer.A))
            {
                continue;
            }

            var weakest = list.Count < MaxLinks ? null : list.MinBy(l => l.Score);
            if (weakest is not null && weakest.Score >= offer.Score)
            {
                continue;
            }

            if (weakest is not null)
            {
                // A link this same write offered a moment ago is simply not inserted.
                if (weakest.New is { } offeredEarlier)
                {
                    dropped.Add(offeredEarlier);
                }
                else
                {
                    evicted.Add(weakest.Id);
                }

                list.Remove(weakest);
            }

            // Sharing is symmetric, so the candidate's link has the same reasons.
            var link = NewLink(offer.B, offer.A, offer.Score, explain(offer.A, offer.B), FirstPosition + MaxLinks + list.Count);
            added.Add(link);
            list.Add(new ListedLink { ArticleId = offer.B, Target = offer.A, Score = offer.Score, New = link });
        }

        added.RemoveAll(dropped.Contains);
        return evicted;
    }

    /// <summary>A candidate's computed link as far as offering needs it: stored (Id) or offered by this write (New).</summary>
    private sealed class ListedLink
    {
        public int Id { get; init; }

        public int ArticleId { get; init; }

        public int? Target { get; init; }

        public double? Score { get; init; }

        public ArticleLink? New { get; init; }
    }

    /// <summary>
    /// Names or keywords on more than 1% of the store (at least 50 articles) are left out of similarity:
    /// they would weigh under 1/(N/100) each and make the joins huge. The store's size is estimated by its
    /// highest id (one index probe; a count reads every row, 14 ms per write at 20,000 articles).
    /// </summary>
    private async Task<int> RarityCapAsync(CancellationToken ct) =>
        Math.Max(50, (await db.Articles.MaxAsync(a => (int?)a.Id, ct) ?? 0) / 100);

    /// <summary>
    /// PostgreSQL: writers of articles that share a (rare enough) entity or keyword take turns, so the later
    /// one's candidates include the earlier one's article and the two end up in each other's lists.
    /// Writers that share nothing do not see each other as candidates anyway, and do not wait. One
    /// transaction-scoped advisory lock per entity and keyword id, taken in key order in one statement.
    /// </summary>
    private async Task LockSharedNamesAsync(IReadOnlyCollection<int> ids, int cap, CancellationToken ct)
    {
        await db.Dialect.LockSharedNamesAsync(db, EntityLockClass, KeywordLockClass, ids.ToArray(), cap, ct);
    }

    /// <summary>
    /// Every entity and keyword each written article shares with its strongest candidates, with its weight:
    /// one query for the whole batch (<see cref="IDatabaseDialect.SimilarSharesAsync"/>), which scores and
    /// ranks the pairs where the rows are, so only the shares of pairs that can make the top
    /// <see cref="MaxLinks"/> come back (a 500-article import batch read over 250,000 share rows to keep
    /// 5,000 links). The margin is wider than the rounding of scores here (4 decimals), so the exact ranking
    /// below sees every pair that can make the list. At most <see cref="CandidatesPerName"/> candidates per
    /// name where the dialect can bound it: the rarity cap is 1% of the store, so without a bound the rows
    /// read per write grow with the store (at 200,000 articles up to 2,000 per name).
    /// </summary>
    private async Task<List<Share>> SharedAsync(IReadOnlyCollection<int> ids, int cap, CancellationToken ct)
    {
        var rows = await db.Dialect.SimilarSharesAsync(db, new SimilarCandidates(ids.ToArray(), cap, CandidatesPerName, MaxLinks, RankingMargin), ct);
        return rows.Select(r => new Share(r.A, r.B, r.IsEntity, r.RefId, r.Weight)).ToList();
    }

    /// <summary>
    /// The reasons of each linked pair: names of the shared entities and keywords, and the text
    /// similarity of the two articles (three queries whatever the number of links).
    /// </summary>
    private async Task<Func<int, int, LinkReasons>> ReasonsAsync(List<Share> shares, List<(int A, int B, double Score)> linked, CancellationToken ct)
    {
        var pairs = linked.Select(l => (l.A, l.B)).ToHashSet();
        var used = shares.Where(s => pairs.Contains((s.A, s.B))).ToList();
        var entityIds = used.Where(s => s.IsEntity).Select(s => s.RefId).Distinct().ToList();
        var keywordIds = used.Where(s => !s.IsEntity).Select(s => s.RefId).Distinct().ToList();
        var articleIds = linked.SelectMany(l => new[] { l.A, l.B }).Distinct().ToList();
        var entities = await db.Entities.Where(e => entityIds.Contains(e.Id)).Select(e => new { e.Id, e.Name, e.Type }).ToDictionaryAsync(e => e.Id, ct);
        var keywords = await db.Keywords.Where(k => keywordIds.Contains(k.Id)).Select(k => new { k.Id, k.Name }).ToDictionaryAsync(k => k.Id, ct);
        var texts = (await db.Articles.Where(a => articleIds.Contains(a.Id)).Select(a => new { a.Id, a.Title, a.Summary }).ToListAsync(ct))
            .ToDictionary(a => a.Id, a => TextVector.Of($"{a.Title}\n{a.Summary}"));
        var byPair = used.ToLookup(s => (s.A, s.B));
        return (a, b) => new LinkReasons
        {
            SharedEntities = byPair[(a, b)].Where(s => s.IsEntity).OrderByDescending(s => s.Weight).ThenBy(s => s.RefId)
                .Select(s => new SharedEntityReason { Id = s.RefId, Name = entities[s.RefId].Name, Type = entities[s.RefId].Type, Weight = Math.Round(s.Weight, 4) }).ToList(),
            SharedKeywords = byPair[(a, b)].Where(s => !s.IsEntity).OrderByDescending(s => s.Weight).ThenBy(s => s.RefId)
                .Select(s => new SharedKeywordReason { Id = s.RefId, Name = keywords[s.RefId].Name, Weight = Math.Round(s.Weight, 4) }).ToList(),
            TextSimilarity = Math.Round(TextVector.Cosine(texts[a], texts[b]), 4),
        };
    }

    /// <summary>One entity (or keyword) that article A shares with article B, and its weight.</summary>
    private sealed record Share(int A, int B, bool IsEntity, int RefId, double Weight);

    private static ArticleLink NewLink(int from, int to, double score, LinkReasons reasons, int position) => new()
    {
        Reasons = reasons,
        ArticleId = from,
        TargetArticleId = to,
        Kind = LinkKind.Similar,
        Origin = Origin.Computed,
        Score = score,
        Position = position,
    };
}
