using GraphQL;
using GraphQL.Types;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.GraphQL;

namespace NewsMeta.Api.Features.Articles;

public sealed class LinkReasonsGraphType : ObjectGraphType<LinkReasons>
{
    public LinkReasonsGraphType()
    {
        Name = "LinkReasons";
        Description = "Why a computed link was made. Its score is the sum of the shared entities' and keywords' weights; textSimilarity is shown beside it.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SharedEntityReasonGraphType>>>>("sharedEntities")
            .Description("Entities both articles mention, heaviest first.").Resolve(c => c.Source.SharedEntities);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SharedKeywordReasonGraphType>>>>("sharedKeywords")
            .Description("Keywords both articles carry, heaviest first.").Resolve(c => c.Source.SharedKeywords);
        Field(r => r.TextSimilarity).Description("Cosine similarity (0–1) of the two articles' title and summary word stems.");
    }
}

public sealed class SharedEntityReasonGraphType : ObjectGraphType<SharedEntityReason>
{
    public SharedEntityReasonGraphType()
    {
        Name = "SharedEntityReason";
        Description = "An entity two linked articles share, and its weight in the link's score.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The entity's global id.").Resolve(c => GlobalId.Encode(GlobalId.Entity, c.Source.Id));
        Field(r => r.Name).Description("Its name when the link was computed.");
        Field<NonNullGraphType<EntityTypeGraphType>>("type").Resolve(c => c.Source.Type);
        Field(r => r.Weight).Description("1 / (1 + articles mentioning it) when the link was computed.");
        Field<EntityGraphType>("entity").Description("The entity now (null if it was merged away or deleted since).")
            .Resolve(c => c.Service<EntityLoaders>().ById.Load(c.Source.Id));
    }
}

public sealed class SharedKeywordReasonGraphType : ObjectGraphType<SharedKeywordReason>
{
    public SharedKeywordReasonGraphType()
    {
        Name = "SharedKeywordReason";
        Description = "A keyword two linked articles share, and its weight in the link's score.";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The keyword's global id.").Resolve(c => GlobalId.Encode(GlobalId.Keyword, c.Source.Id));
        Field(r => r.Name);
        Field(r => r.Weight).Description("1 / (1 + articles carrying it) when the link was computed.");
    }
}
