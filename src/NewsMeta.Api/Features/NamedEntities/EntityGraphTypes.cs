using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.GraphQL;
using NewsMeta.Api.GraphQL.Connections;

namespace NewsMeta.Api.Features.NamedEntities;

public sealed class EntityGraphType : ObjectGraphType<EntitySummaryDto>
{
    public EntityGraphType()
    {
        Name = "Entity";
        Description = "A person, organisation, place or event that articles mention.";
        this.NodeFields(GlobalId.Entity, e => e.Id);
        Field(e => e.Name);
        Field<NonNullGraphType<EntityTypeGraphType>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<EntityStatusGraphType>>("status").Description("CONFIRMED (catalogue, publisher-given) or DISCOVERED (found in the text).").Resolve(c => c.Source.Status);
        Field(e => e.Confidence, nullable: true).Description("For a discovered entity, how sure discovery is (0–1); null when confirmed.");
        Field(e => e.ArticleCount).Description("Articles mentioning it.");
        Field(e => e.MatchedAlias, nullable: true)
            .Description("In entities(where: {search}): the alias that matched, when the name did not (a transliteration, a short form); otherwise null.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("aliases")
            .Description("Other spellings it is known by (short forms, transliterations).")
            .Resolve(c => c.Service<EntityLoaders>().Aliases.Load(c.Source.Id));
        Field<NonNullGraphType<ArticleConnectionGraphType>>("articles").Description("Articles mentioning it, newest first.")
            .PagingArguments()
            .Resolve(c => NestedArticles.Load(c, "entity", c.Source.Id, c.Source.ArticleCount));
        Field<NonNullGraphType<ArticleConnectionGraphType>>("bylineArticles").Description("Articles with this person in a byline, newest first.")
            .PagingArguments()
            .Resolve(c =>
            {
                var id = c.Source.Id;
                var db = c.Service<Data.NewsDbContext>();
                return NestedArticles.Load(c, "byline", id, () => db.ArticleBylines.VisibleToCaller(db, b => b.ArticleId).CountAsync(b => b.EntityId == id && b.IsFirstOfPerson, c.CancellationToken));
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<RelatedEntityGraphType>>>>("relatedEntities")
            .Description("Entities mentioned in the same articles, most shared articles first.")
            .Argument<IntGraphType>("first", "How many (1–100, default 10).")
            .Resolve(c =>
            {
                var first = c.GetArgument("first", 10);
                return first is < 1 or > 100
                    ? throw new UserInputError("first", "must be from 1 to 100")
                    : c.Service<EntityLoaders>().Related.Load((c.Source.Id, first));
            });
    }
}

public sealed class RelatedEntityGraphType : ObjectGraphType<RelatedEntityRow>
{
    public RelatedEntityGraphType()
    {
        Name = "RelatedEntity";
        Description = "An entity often mentioned together with another.";
        Field<NonNullGraphType<EntityGraphType>>("entity").Resolve(c => c.Service<EntityLoaders>().ById.Load(c.Source.EntityId));
        Field(r => r.Count).Description("Articles mentioning both.");
    }
}

public sealed class EntityTypeGraphType : EnumerationGraphType<EntityType>
{
    public EntityTypeGraphType()
    {
        Name = "EntityType";
        Description = "The type of a named entity.";
    }
}

public sealed class EntityStatusGraphType : EnumerationGraphType<EntityStatus>
{
    public EntityStatusGraphType()
    {
        Name = "EntityStatus";
        Description = "Whether an entity is in the curated catalogue or was found in article text without it.";
    }
}

public sealed class EntityFilterInput
{
    public EntityType? Type { get; set; }
    public EntityStatus? Status { get; set; }
    public string? Search { get; set; }
}

public sealed class EntityFilterGraphType : InputObjectGraphType<EntityFilterInput>
{
    public EntityFilterGraphType()
    {
        Name = "EntityFilter";
        Field(f => f.Type, type: typeof(EntityTypeGraphType)).Description("Only entities of this type.");
        Field(f => f.Status, type: typeof(EntityStatusGraphType)).Description("Only confirmed or only discovered entities.");
        Field(f => f.Search, nullable: true).Description("Prefix of the name or of an alias (Arabic-normalised: hamza, tashkeel and ta marbuta do not matter).");
    }
}

public sealed class EntityEdgeGraphType() : EdgeGraphType<EntitySummaryDto, EntityGraphType>("Entity");

public sealed class EntityConnectionGraphType() : ConnectionGraphType<EntitySummaryDto, EntityGraphType, EntityEdgeGraphType>("Entity");
