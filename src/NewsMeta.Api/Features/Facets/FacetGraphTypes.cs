using GraphQL;
using GraphQL.Types;
using NewsMeta.Api.Common;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.GraphQL;

namespace NewsMeta.Api.Features.Facets;

public sealed class FacetValueGraphType : ObjectGraphType<FacetValueDto>
{
    public FacetValueGraphType()
    {
        Name = "FacetValue";
        Description = "A value of a facet and how many matching articles have it.";
        Field("databaseId", v => v.Id, nullable: true).Description("The entity, keyword or source id (REST id); null for languages and days.");
        Field(v => v.Name).Description("The name; the tag for languages, yyyy-MM-dd for days.");
        Field(v => v.Count);
    }
}

public sealed class EntityFacetGraphType : ObjectGraphType<EntityFacetDto>
{
    public EntityFacetGraphType()
    {
        Name = "EntityFacet";
        Field<NonNullGraphType<EntityTypeGraphType>>("type").Resolve(c => c.Source.Type);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetValueGraphType>>>>("values").Resolve(c => c.Source.Values);
    }
}

public sealed class FacetsGraphType : ObjectGraphType<FacetsDto>
{
    public FacetsGraphType()
    {
        Name = "Facets";
        Description = "Exact counts over the whole matching set, computed in the database.";
        Field(f => f.Total).Description("How many articles match.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<EntityFacetGraphType>>>>("entities").Description("Top entities per type.").Resolve(c => c.Source.Entities);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetValueGraphType>>>>("keywords").Resolve(c => c.Source.Keywords);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetValueGraphType>>>>("sources").Description("Publishers.").Resolve(c => c.Source.Sources);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetValueGraphType>>>>("credits").Description("Credited agencies.").Resolve(c => c.Source.Credits);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetValueGraphType>>>>("bylines").Description("People in the bylines (databaseId: the person entity).").Resolve(c => c.Source.Bylines);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetValueGraphType>>>>("sections").Description("Sections (name: the path, databaseId: the section), sub-sections counting for the sections above them.").Resolve(c => c.Source.Sections);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetValueGraphType>>>>("languages").Resolve(c => c.Source.Languages);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<FacetValueGraphType>>>>("publishedPerDay").Description("Articles per UTC day, oldest first.").Resolve(c => c.Source.PublishedPerDay);
    }
}

/// <summary>Query.facets: the same counts as GET /api/v1/articles/facets.</summary>
public static class FacetQueryField
{
    public static void AddFacets(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<FacetsGraphType>>("facets")
            .Description("Counts of the articles matching where (and query, a full-text search) by entity, keyword, source, credit, language and day.")
            .Argument<ArticleFilterGraphType>("where")
            .Argument<StringGraphType>("query", "Optional full-text query (as search).")
            .Argument<IntGraphType>("size", "Values per facet (1–50, default 10).")
            .ResolveAsync(async c =>
            {
                var errors = new QueryErrors();
                var query = Search.SearchText.Parse(c.GetArgument<string?>("query"), errors, required: false);
                var size = FacetEndpoints.ParseSize(c.GetArgument<int?>("size")?.ToString(System.Globalization.CultureInfo.InvariantCulture), errors);
                if (errors.Any)
                {
                    var (field, messages) = errors.ToDictionary().First();
                    throw new UserInputError(field == "q" ? "query" : field, messages[0]);
                }

                if (query is not null)
                {
                    query = await c.Service<Search.SearchVariants>().ExpandAsync(c.GetArgument<string>("query"), query, c.CancellationToken);
                }

                return await c.Service<FacetQueries>().ComputeAsync(ArticleFilterInput.From(c), query, size, c.CancellationToken);
            });
}
