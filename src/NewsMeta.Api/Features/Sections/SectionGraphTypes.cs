using GraphQL;
using GraphQL.Types;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.GraphQL;
using NewsMeta.Api.GraphQL.Connections;

namespace NewsMeta.Api.Features.Sections;

public sealed class SectionGraphType : ObjectGraphType<SectionDto>
{
    public SectionGraphType()
    {
        Name = "Section";
        Description = "A section of the store's tree (publisher-given paths, levels matched by normalised name). Its articles: articles(where: {sectionIds}).";
        this.NodeFields(GlobalId.Section, s => s.Id);
        Field(s => s.Name).Description("This level's name.");
        Field(s => s.Path).Description("The names from the top section down, / between them.");
        Field(s => s.ArticleCount).Description("Articles in it or in a section below it.");
        Field<SectionGraphType>("parent").Description("The section above; null for a top section.")
            .Resolve(c => c.Source.ParentId is { } id ? c.Service<ArticleFurnitureLoaders>().SectionsById.Load(id) : null);
    }
}

public sealed class SectionEdgeGraphType() : EdgeGraphType<SectionDto, SectionGraphType>("Section");

public sealed class SectionConnectionGraphType() : ConnectionGraphType<SectionDto, SectionGraphType, SectionEdgeGraphType>("Section");

/// <summary>The root query's section fields.</summary>
public static class SectionQueryFields
{
    public static void AddSections(this ObjectGraphType query)
    {
        query.Field<SectionGraphType>("section").Description("One section by id or databaseId.")
            .Argument<IdGraphType>("id").Argument<IntGraphType>("databaseId")
            .Resolve(c => IdArguments.OneOf(c, GlobalId.Section) is { } id ? c.Service<ArticleFurnitureLoaders>().SectionsById.Load(id) : null);
        query.Field<NonNullGraphType<SectionConnectionGraphType>>("sections").Description("The section tree as a list, each parent before its children.")
            .PagingArguments()
            .ResolveAsync(async c => await c.Service<SectionQueries>().ConnectionAsync(PageArgs.From(c), c.CancellationToken));
    }
}
