using NewsMeta.Api.Features.Keywords;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Sections;
using NewsMeta.Api.Features.Sources;
using NewsMeta.Api.GraphQL;

namespace NewsMeta.Api.Features.Articles;

/// <summary>
/// What a GraphQL Article's relations can answer from the stored document its row carries
/// (<see cref="ArticleRow.StoredParts"/>): the selections the document covers, and the graph objects built
/// from it. A selection asking for more (a catalogue count, an entity's status, a nested connection whose
/// total is the parent's count) goes to the loaders, as do rows read without a document.
/// </summary>
public static class StoredArticleFields
{
    private static readonly string[] NodeIds = ["id", "databaseId"];

    /// <summary>A source or credit: its ref has no article count, so neither the count nor its article lists.</summary>
    public static readonly SubSelection SourceSelection = new([.. NodeIds, "name", "kind"]);

    public static readonly SubSelection KeywordSelection = new([.. NodeIds, "name", "origin"]);

    /// <summary>
    /// A mention: the entity's name and type are stored; its aliases, related entities and byline articles
    /// load by id. Its matchedAlias is null through an article either way (the mention's alias is the mention's).
    /// </summary>
    public static readonly SubSelection MentionSelection = new(
        ["entity", "mentions", "matchedAlias", "origin"],
        new Dictionary<string, SubSelection> { ["entity"] = new([.. NodeIds, "name", "type", "matchedAlias", "aliases", "relatedEntities", "bylineArticles"]) });

    public static readonly SubSelection SectionSelection = new([.. NodeIds, "name", "path"]);

    /// <summary>A link without its reasons, as <see cref="ArticleRow.StoredParts"/> has it (its target may select anything).</summary>
    public static readonly SubSelection LinkSelection = new(["kind", "score", "title", "url", "targetExternalId", "origin", "target"]);

    /// <summary>
    /// A link's target: a link with a target carries the target's externalId, title and url (its projection
    /// reads them from the target row), so a selection of those needs no load. A link only resolves to an
    /// article readers may see (an embargoed one is nobody's target until released), as the loader checks.
    /// </summary>
    public static readonly SubSelection LinkTargetSelection = new([.. NodeIds, "externalId", "title", "url"]);

    /// <summary>The target row of a link with a target, holding only what <see cref="LinkTargetSelection"/> covers.</summary>
    public static ArticleRow LinkTarget(int targetId, ArticleLinkDto link) => new()
    {
        Id = targetId,
        ExternalId = link.TargetExternalId ?? "",
        Title = link.Title ?? "",
        Url = link.Url,
        Slug = "",
        Language = "",
    };

    public static SourceDto Source(SourceRefDto source) => new() { Id = source.Id, Name = source.Name, Kind = source.Kind };

    public static KeywordDto Keyword(KeywordRefDto keyword) => new() { Id = keyword.Id, Name = keyword.Name, Origin = keyword.Origin };

    public static EntityMentionRow Mention(int articleId, ArticleEntityDto entity) => new()
    {
        ArticleId = articleId,
        Entity = new EntitySummaryDto { Id = entity.Id, Name = entity.Name, Type = entity.Type },
        Mentions = entity.Mentions,
        MatchedAlias = entity.MatchedAlias,
        Origin = entity.Origin,
    };

    public static SectionDto Section(SectionRefDto section) => new() { Id = section.Id, Name = section.Name, Path = section.Path };
}
