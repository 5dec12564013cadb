using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Ingestion;
using NewsMeta.Api.Features.Keywords;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Sources;

namespace NewsMeta.Api.Features.Articles.Pipeline.Steps;

/// <summary>
/// The sources, keywords and entities the records name (new ones created, with their aliases) and the
/// stored articles their links point at; then the entity matcher. The new catalogue rows are saved
/// first (nothing else is pending yet), so the matcher knows the batch's own new entities: an article
/// naming an entity that another article of the same batch introduced is linked to it too.
/// </summary>
public sealed class ResolveCatalogueStep(NewsDbContext db, SourceCatalog sources, KeywordCatalog keywords, EntityCatalog entities, EntityLinker linker) : IWriteStep
{
    public string Name => WriteSteps.ResolveCatalogue;

    public async Task RunAsync(WriteBatch batch, CancellationToken ct)
    {
        var records = batch.ToWrite.Select(w => w.Record).ToList();
        var sourceMap = await sources.ResolveAsync(records.SelectMany(SourcesOf), ct);
        var keywordMap = await keywords.ResolveAsync(records.SelectMany(r => r.Keywords ?? []), ct);
        var entityList = await entities.ResolveAsync(records.SelectMany(r => r.Entities ?? []).Select(ToEntityInput).ToList(), ct);
        var linkTargets = await FindLinkTargetsAsync(records, ct);
        await db.SaveChangesAsync(ct);
        batch.Catalogue = new CatalogueLookups(sourceMap, keywordMap, entityList, linkTargets);
        (batch.Matcher, batch.MatcherStamp) = await linker.CheckedMatcherAsync(ct);
    }

    private static IEnumerable<(string, SourceKind)> SourcesOf(ArticleRecord record) =>
        (record.Credits ?? []).Prepend(record.Source!).Select(s => (s.Name!, EnumNames.TryParse<SourceKind>(s.Kind, out var k) ? k : SourceKind.Other));

    private static EntityMentionInput ToEntityInput(EntityRecord e) =>
        new(e.Name!, EnumNames.TryParse<EntityType>(e.Type, out var t) ? t : EntityType.Other, e.Aliases ?? []);

    private async Task<LinkTargets> FindLinkTargetsAsync(List<ArticleRecord> records, CancellationToken ct)
    {
        var links = records.SelectMany(r => r.Links ?? []).ToList();
        var ids = links.Where(l => l.ExternalId is not null).Select(l => l.ExternalId!).Distinct().ToList();
        var urls = links.Where(l => l.ExternalId is null && l.Url is not null).Select(l => l.Url!).Distinct().ToList();
        var titles = links.Select(TitleTarget.KeyOf).OfType<string>().Distinct().ToList();
        if (ids.Count == 0 && urls.Count == 0 && titles.Count == 0)
        {
            return LinkTargets.None;
        }

        // An embargoed article is nobody else's link target until it is released (the release resolves the links waiting for it).
        var found = ids.Count == 0 && urls.Count == 0 ? [] : await db.Articles.Where(a => a.ReleasedVersion != null && (ids.Contains(a.ExternalId) || (a.Url != null && urls.Contains(a.Url))))
            .Select(a => new { a.Id, a.ExternalId, a.Url }).ToListAsync(ct);
        // Through the index on the normalised title, as the page importer looks titles up.
        var byTitle = titles.Count == 0 ? [] : await TitleTarget.StoredAsync(db, titles, ct);
        return new LinkTargets(
            found.ToDictionary(a => a.ExternalId, a => a.Id),
            found.Where(a => a.Url is not null).ToDictionary(a => a.Url!, a => a.Id),
            byTitle.ToLookup(t => t.TitleKey));
    }
}
