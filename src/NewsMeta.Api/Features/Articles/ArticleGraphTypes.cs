using GraphQL;
using GraphQL.Types;
using NewsMeta.Api.Features.Articles.ReadModel;
using NewsMeta.Api.Features.Keywords;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Sources;
using NewsMeta.Api.GraphQL;
using NewsMeta.Api.GraphQL.Connections;

namespace NewsMeta.Api.Features.Articles;

public sealed class ArticleGraphType : ObjectGraphType<ArticleRow>
{
    public ArticleGraphType()
    {
        Name = "Article";
        Description = "A news article with its source, credits, keywords, entities, links, bylines, media and sections.";
        this.NodeFields(GlobalId.Article, a => a.Id);
        Field(a => a.ExternalId).Description("The publisher's id; the idempotency key of writes.");
        Field(a => a.Slug);
        Field(a => a.Url, nullable: true).Description("Canonical URL.");
        Field(a => a.Title);
        Field(a => a.Summary, nullable: true);
        Field<NonNullGraphType<StringGraphType>>("body").Description("Plain text; paragraphs separated by a blank line.")
            .Resolve(c => c.Service<ArticleLoaders>().Bodies.Load(c.Source.Id));
        Field(a => a.Language).Description("BCP 47 language tag, e.g. ar or en.");
        Field(a => a.PublishedAt);
        Field(a => a.UpdatedAt, nullable: true).Description("The publisher's last update, if any.");
        Field(a => a.ChangedAt).Description("When NewsMeta last stored a change (what updatedSince filters on).");

        // Each relation is answered from the row's stored document when the selection stays within it
        // (StoredArticleFields), else by its batch loader.
        Field<NonNullGraphType<SourceGraphType>>("source").Description("The publisher.")
            .Resolve(c => StoredArticleFields.SourceSelection.Covers(c) && c.Source.StoredParts is { } stored
                ? (object)StoredArticleFields.Source(stored.Source)
                : c.Service<ArticleLoaders>().Sources.Load(c.Source.SourceId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SourceGraphType>>>>("credits")
            .Description("Agencies the article credits, in the publisher's order.")
            .Resolve(c => StoredArticleFields.SourceSelection.Covers(c) && c.Source.StoredParts is { } stored
                ? (object)stored.Credits.Select(StoredArticleFields.Source).ToList()
                : c.Service<ArticleLoaders>().Credits.Load(c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KeywordGraphType>>>>("keywords")
            .Description("The publisher's keywords in their order, then any extracted from the text (see Keyword.origin).")
            .Resolve(c => StoredArticleFields.KeywordSelection.Covers(c) && c.Source.StoredParts is { } stored
                ? (object)stored.Keywords.Select(StoredArticleFields.Keyword).ToList()
                : c.Service<ArticleLoaders>().Keywords.Load(c.Source.Id));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityMentionGraphType>>>>("entities")
            .Description("Entities the article mentions, optionally of one type.")
            .Argument<EntityTypeGraphType>("type", "Only entities of this type.")
            .Resolve(c =>
            {
                var type = c.GetArgument<EntityType?>("type");
                List<EntityMentionRow> OfType(IEnumerable<EntityMentionRow> list) => [.. list.Where(e => type is null || e.Entity.Type == type)];
                return StoredArticleFields.MentionSelection.Covers(c) && c.Source.StoredParts is { } stored
                    ? (object)OfType(stored.Entities.Select(e => StoredArticleFields.Mention(c.Source.Id, e)))
                    : c.Service<ArticleLoaders>().Entities.Load(c.Source.Id).Then(OfType);
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ArticleLinkGraphType>>>>("links")
            .Description("Outgoing links (related, readAlso, similar), in the publisher's order.")
            .Argument<LinkKindGraphType>("kind", "Only links of this kind.")
            .Argument<IntGraphType>("first", "At most this many links (0–100).")
            .Resolve(c =>
            {
                var kind = c.GetArgument<LinkKind?>("kind");
                var first = c.GetArgument<int?>("first") ?? int.MaxValue;
                if (first < 0)
                {
                    throw new UserInputError("first", "must not be negative");
                }

                // Every link field but the reasons is stored; a target asked for more than the link holds is loaded by
                // id (ArticleLinkGraphType), and only visible articles are link targets.
                List<ArticleLinkDto> Chosen(IEnumerable<ArticleLinkDto> list) => [.. list.Where(l => kind is null || l.Kind == kind).Take(first)];
                return StoredArticleFields.LinkSelection.Covers(c) && c.Source.StoredParts is { } stored
                    ? (object)Chosen(stored.Links)
                    : c.Service<ArticleLoaders>().Links.Load(c.Source.Id).Then(Chosen);
            });
        this.AddFurniture();
    }
}

public sealed class EntityMentionGraphType : ObjectGraphType<EntityMentionRow>
{
    public EntityMentionGraphType()
    {
        Name = "EntityMention";
        Description = "An entity as an article mentions it.";
        Field<NonNullGraphType<EntityGraphType>>("entity").Resolve(c => c.Source.Entity);
        Field(m => m.Mentions).Description("How often the text names it (0 when only the publisher tagged it).");
        Field(m => m.MatchedAlias, nullable: true)
            .Description("The alias the text names it by, when that is not the entity's name (a transliteration, a short form); null when the text uses the name.");
        Field<NonNullGraphType<OriginGraphType>>("origin").Description("Who made the link: the publisher, or extraction from the text.")
            .Resolve(c => c.Source.Origin);
    }
}

public sealed class ArticleLinkGraphType : ObjectGraphType<ArticleLinkDto>
{
    public ArticleLinkGraphType()
    {
        Name = "ArticleLink";
        Description = "A link from one article to another.";
        Field<NonNullGraphType<LinkKindGraphType>>("kind").Resolve(c => c.Source.Kind);
        Field(l => l.Score, nullable: true).Description("Similarity score of computed links; null for publisher links.");
        Field<LinkReasonsGraphType>("reasons")
            .Description("Why a computed link was made: shared entities and keywords (their weights sum to the score) and text similarity. Null for publisher links.")
            .Resolve(c => c.Source.Reasons);
        Field(l => l.Title, nullable: true).Description("The target's title when it is stored, else the title given with the link.");
        Field(l => l.Url, nullable: true).Description("The target's url when it is stored, else the url given with the link.");
        Field(l => l.TargetExternalId, nullable: true);
        Field<NonNullGraphType<OriginGraphType>>("origin").Resolve(c => c.Source.Origin);
        Field<ArticleGraphType>("target").Description("The linked article, when it is in the store.")
            .Resolve(c => c.Source.TargetId is not { } id ? null
                : StoredArticleFields.LinkTargetSelection.Covers(c) && c.Source.TargetExternalId is not null && c.Source.Title is not null
                    ? StoredArticleFields.LinkTarget(id, c.Source)
                    : c.Service<ArticleLoaders>().LinkTargets.Load(id));
    }
}

public sealed class ArticleEdgeGraphType() : EdgeGraphType<ArticleRow, ArticleGraphType>("Article");

public sealed class ArticleConnectionGraphType() : ConnectionGraphType<ArticleRow, ArticleGraphType, ArticleEdgeGraphType>("Article");

public sealed class LinkKindGraphType : EnumerationGraphType<LinkKind>
{
    public LinkKindGraphType()
    {
        Name = "LinkKind";
        Description = "related: on the same story; readAlso: the publisher's further reading; similar: computed by content.";
    }
}

public sealed class OriginGraphType : EnumerationGraphType<Origin>
{
    public OriginGraphType()
    {
        Name = "Origin";
        Description = "Where a keyword, entity or link came from.";
    }
}

public sealed class ArticleOrderGraphType : EnumerationGraphType
{
    public ArticleOrderGraphType()
    {
        Name = "ArticleOrder";
        Description = "Order of article lists.";
        Add("PUBLISHED_AT_DESC", false, "Newest first (default).");
        Add("PUBLISHED_AT_ASC", true, "Oldest first.");
    }
}
