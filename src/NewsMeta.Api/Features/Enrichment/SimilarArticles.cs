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

    /// <summary>Computed links sort after the publisher's own links.</summary>
    private const int FirstPosition = 1000;

    public async Task ComputeAsync(IReadOnlyCollection<int> articleIds, CancellationToken ct)
    {
        if (articleIds.Count == 0)
        {
            return;
        }

        var scores = await SharedWeightsAsync(articleIds, ct);
        var publisherTargets = (await db.ArticleLinks.Where(l => articleIds.Contains(l.ArticleId) && l.Origin == Origin.Publisher && l.TargetArticleId != null)
            .Select(l => new { l.ArticleId, Target = l.TargetArticleId!.Value }).ToListAsync(ct)).ToHashSet();

        // The written articles' own lists are recomputed from scratch.
        await db.ArticleLinks.Where(l => articleIds.Contains(l.ArticleId) && l.Origin == Origin.Computed).ExecuteDeleteAsync(ct);
        var top = scores.GroupBy(s => s.A).ToDictionary(g => g.Key, g => g
            .Where(s => !publisherTargets.Contains(new { ArticleId = s.A, Target = s.B }))
            .OrderByDescending(s => s.Score).ThenBy(s => s.B).Take(MaxLinks).ToList());
        foreach (var (article, links) in top)
        {
            db.ArticleLinks.AddRange(links.Select((s, i) => NewLink(article, s.B, s.Score, FirstPosition + i)));
        }

        await OfferToCandidatesAsync(articleIds.ToHashSet(), top.Values.SelectMany(l => l).ToList(), ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Adds a written article to a candidate's list when it beats the candidate's weakest computed link.</summary>
    private async Task OfferToCandidatesAsync(HashSet<int> written, List<(int A, int B, double Score)> pairs, CancellationToken ct)
    {
        var candidates = pairs.Select(p => p.B).Where(b => !written.Contains(b)).ToHashSet();
        if (candidates.Count == 0)
        {
            return;
        }

        var candidateIds = candidates.ToList();
        var existing = (await db.ArticleLinks.Where(l => candidateIds.Contains(l.ArticleId) && l.Origin == Origin.Computed).ToListAsync(ct))
            .GroupBy(l => l.ArticleId).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var offer in pairs.Where(p => candidates.Contains(p.B)).OrderByDescending(p => p.Score))
        {
            var list = existing.TryGetValue(offer.B, out var found) ? found : existing[offer.B] = [];
            if (list.Any(l => l.TargetArticleId == offer.A))
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
                db.ArticleLinks.Remove(weakest);
                list.Remove(weakest);
            }

            var link = NewLink(offer.B, offer.A, offer.Score, FirstPosition + MaxLinks + list.Count);
            db.ArticleLinks.Add(link);
            list.Add(link);
        }
    }

    /// <summary>Shared-entity and shared-keyword weights between each written article and every other article.</summary>
    private async Task<List<(int A, int B, double Score)>> SharedWeightsAsync(IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var total = await db.Articles.CountAsync(ct);
        // Names or keywords on more than 1% of the store weigh under 1/(N/100) each and would make the joins huge.
        var cap = Math.Max(50, total / 100);
        var byEntity = await db.ArticleEntities.Where(x => ids.Contains(x.ArticleId))
            .Join(db.Entities.Where(e => e.ArticleCount <= cap), x => x.EntityId, e => e.Id, (x, e) => new { x.ArticleId, x.EntityId, Weight = 1.0 / (1 + e.ArticleCount) })
            .Join(db.ArticleEntities, a => a.EntityId, b => b.EntityId, (a, b) => new { A = a.ArticleId, B = b.ArticleId, a.Weight })
            .Where(p => p.A != p.B)
            .GroupBy(p => new { p.A, p.B }).Select(g => new { g.Key.A, g.Key.B, Score = g.Sum(p => p.Weight) })
            .ToListAsync(ct);
        var byKeyword = await db.ArticleKeywords.Where(x => ids.Contains(x.ArticleId))
            .Join(db.Keywords.Where(k => k.ArticleCount <= cap), x => x.KeywordId, k => k.Id, (x, k) => new { x.ArticleId, x.KeywordId, Weight = 1.0 / (1 + k.ArticleCount) })
            .Join(db.ArticleKeywords, a => a.KeywordId, b => b.KeywordId, (a, b) => new { A = a.ArticleId, B = b.ArticleId, a.Weight })
            .Where(p => p.A != p.B)
            .GroupBy(p => new { p.A, p.B }).Select(g => new { g.Key.A, g.Key.B, Score = g.Sum(p => p.Weight) })
            .ToListAsync(ct);
        return byEntity.Concat(byKeyword)
            .GroupBy(p => (p.A, p.B))
            .Select(g => (g.Key.A, g.Key.B, Score: Math.Round(g.Sum(p => p.Score), 4)))
            .ToList();
    }

    private static ArticleLink NewLink(int from, int to, double score, int position) => new()
    {
        ArticleId = from,
        TargetArticleId = to,
        Kind = LinkKind.Similar,
        Origin = Origin.Computed,
        Score = score,
        Position = position,
    };
}
