using Mapster;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles.ReadModel;
using NewsMeta.Api.Features.Keywords;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Sources;
using NewsMeta.Api.GraphQL;

namespace NewsMeta.Api.Features.Articles;

/// <summary>An entity an article mentions, with how often and who said so.</summary>
public sealed class EntityMentionRow
{
    public int ArticleId { get; init; }
    public required EntitySummaryDto Entity { get; init; }
    public int Mentions { get; init; }
    public string? MatchedAlias { get; init; }
    public Origin Origin { get; init; }
}

/// <summary>
/// The batch loaders behind every relation of a GraphQL Article (one instance per request). Each loader
/// runs one SQL command per query level, whatever the number of articles on the page.
/// </summary>
public sealed class ArticleLoaders
{
    public ArticleLoaders(NewsDbContext db, TypeAdapterConfig mapping)
    {
        // With their stored documents, so search hits, changes and node lookups answer their relations without more loads.
        ById = Rows(db, withDocument: true);

        // Without: a page's link targets (several per article) are mostly asked for their id and title, and reading a
        // 10-25 KB document per target made the nested page several times slower than the page itself. A target
        // asked for its relations loads them by id.
        LinkTargets = Rows(db, withDocument: false);

        Bodies = new(async (ids, ct) => await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Body }).ToDictionaryAsync(a => a.Id, a => a.Body, ct), "");

        Sources = new(async (ids, ct) => await db.Sources.AsNoTracking().Where(s => ids.Contains(s.Id))
            .ProjectToType<SourceDto>(mapping).ToDictionaryAsync(s => s.Id, s => (SourceDto?)s, ct), null);

        Credits = new(async (ids, ct) => Group(await db.ArticleCredits.AsNoTracking().Where(c => ids.Contains(c.ArticleId))
            .OrderBy(c => c.ArticleId).ThenBy(c => c.Position)
            .Select(c => new { c.ArticleId, Source = new SourceDto { Id = c.Source.Id, Name = c.Source.Name, Kind = c.Source.Kind, ArticleCount = c.Source.ArticleCount } })
            .ToListAsync(ct), c => c.ArticleId, c => c.Source), []);

        Keywords = new(async (ids, ct) => Group(await db.ArticleKeywords.AsNoTracking().Where(k => ids.Contains(k.ArticleId))
            .OrderBy(k => k.ArticleId).ThenBy(k => k.Position)
            .Select(k => new { k.ArticleId, Keyword = new KeywordDto { Id = k.Keyword.Id, Name = k.Keyword.Name, ArticleCount = k.Keyword.ArticleCount, Origin = k.Origin } })
            .ToListAsync(ct), k => k.ArticleId, k => k.Keyword), []);

        Entities = new(async (ids, ct) => Group(await db.ArticleEntities.AsNoTracking().Where(e => ids.Contains(e.ArticleId))
            .OrderBy(e => e.ArticleId).ThenBy(e => e.Position).ThenBy(e => e.EntityId)
            .Select(e => new EntityMentionRow
            {
                ArticleId = e.ArticleId,
                Entity = new EntitySummaryDto { Id = e.Entity.Id, Name = e.Entity.Name, Type = e.Entity.Type, Status = e.Entity.Status, Confidence = e.Entity.Confidence, ArticleCount = e.Entity.ArticleCount },
                Mentions = e.Mentions,
                MatchedAlias = e.MatchedAlias,
                Origin = e.Origin,
            })
            .ToListAsync(ct), e => e.ArticleId, e => e), []);

        Links = new(async (ids, ct) => Group(await db.ArticleLinks.AsNoTracking().Where(l => ids.Contains(l.ArticleId))
            .OrderBy(l => l.ArticleId).ThenBy(l => l.Position)
            .ProjectToType<LinkWithOwner>(mapping)
            .ToListAsync(ct), l => l.ArticleId, l => l.Link), []);
    }

    public BatchLoader<int, ArticleRow?> ById { get; }

    public BatchLoader<int, ArticleRow?> LinkTargets { get; }

    private static BatchLoader<int, ArticleRow?> Rows(NewsDbContext db, bool withDocument) => new(async (ids, ct) =>
    {
        var rows = db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id));
        return await (withDocument ? rows.WithDocument(db) : rows.WithoutDocument(db)).ToDictionaryAsync(a => a.Id, a => (ArticleRow?)a, ct);
    }, null);

    /// <summary>Bodies of the articles whose body is selected, in one query per level.</summary>
    public BatchLoader<int, string> Bodies { get; }
    public BatchLoader<int, SourceDto?> Sources { get; }
    public BatchLoader<int, IReadOnlyList<SourceDto>> Credits { get; }
    public BatchLoader<int, IReadOnlyList<KeywordDto>> Keywords { get; }
    public BatchLoader<int, IReadOnlyList<EntityMentionRow>> Entities { get; }
    public BatchLoader<int, IReadOnlyList<ArticleLinkDto>> Links { get; }

    private static Dictionary<int, IReadOnlyList<TOut>> Group<TRow, TOut>(List<TRow> rows, Func<TRow, int> key, Func<TRow, TOut> value) =>
        rows.GroupBy(key).ToDictionary(g => g.Key, g => (IReadOnlyList<TOut>)g.Select(value).ToList());

    /// <summary>A link with its owner's id, so the same Mapster link projection serves REST and GraphQL.</summary>
    public sealed class LinkWithOwner
    {
        public int ArticleId { get; init; }
        public required ArticleLinkDto Link { get; init; }
    }
}
