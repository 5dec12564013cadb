using GraphQL;
using GraphQL.Types;
using Mapster;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Keywords;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Search;
using NewsMeta.Api.Features.Sources;
using NewsMeta.Api.GraphQL.Connections;
using NewsMeta.Text;

namespace NewsMeta.Api.GraphQL;

/// <summary>The root query: single lookups, the four lists and node(id:).</summary>
public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";

        Field<NodeInterface>("node").Description("Any object by its global id.")
            .Argument<NonNullGraphType<IdGraphType>>("id", "A global id.")
            .ResolveAsync(ResolveNode);

        Field<ArticleGraphType>("article").Description("One article by exactly one of id, databaseId, externalId.")
            .Argument<IdGraphType>("id").Argument<IntGraphType>("databaseId").Argument<StringGraphType>("externalId")
            .ResolveAsync(async c =>
            {
                var id = IdArguments.OneOf(c, GlobalId.Article, allowExternalId: true);
                return c.HasArgument("externalId")
                    ? await c.Service<ArticleGraphQueries>().ByExternalIdAsync(c.GetArgument<string>("externalId"), c.CancellationToken)
                    : id is { } dbId ? await c.Service<ArticleLoaders>().ById.Load(dbId).GetResultAsync(c.CancellationToken) : null;
            });
        Field<NonNullGraphType<ArticleConnectionGraphType>>("articles").Description("Articles matching the filter, newest first unless orderBy says otherwise.")
            .PagingArguments()
            .Argument<ArticleFilterGraphType>("where")
            .Argument<ArticleOrderGraphType>("orderBy", a =>
            {
                a.Description = "Newest or oldest first.";
                a.DefaultValue = false;
            })
            .ResolveAsync(async c => await c.Service<ArticleGraphQueries>().ConnectionAsync(ArticleFilterInput.From(c), PageArgs.From(c), c.CancellationToken));

        Field<EntityGraphType>("entity").Description("One entity by id or databaseId.")
            .Argument<IdGraphType>("id").Argument<IntGraphType>("databaseId")
            .Resolve(c => IdArguments.OneOf(c, GlobalId.Entity) is { } id ? c.Service<EntityLoaders>().ById.Load(id) : null);
        Field<NonNullGraphType<EntityConnectionGraphType>>("entities").Description("Entities, most-mentioned first.")
            .PagingArguments()
            .Argument<EntityFilterGraphType>("where")
            .ResolveAsync(async c =>
            {
                var where = c.GetArgument<EntityFilterInput?>("where");
                var entities = c.Service<EntityQueries>();
                var search = Search(where?.Search);
                var connection = await CountedConnections.PageAsync<NamedEntity, EntitySummaryDto>(
                    entities.Matching(where?.Type, search, where?.Status), PageArgs.From(c), c.Service<TypeAdapterConfig>(), e => (e.ArticleCount, e.Id), c.CancellationToken);
                await entities.FillMatchedAliasesAsync(connection.Nodes, search, c.CancellationToken);
                return connection;
            });

        Field<KeywordGraphType>("keyword").Description("One keyword by id or databaseId.")
            .Argument<IdGraphType>("id").Argument<IntGraphType>("databaseId")
            .ResolveAsync(async c => IdArguments.OneOf(c, GlobalId.Keyword) is { } id ? await c.Service<KeywordQueries>().GetAsync(id, c.CancellationToken) : null);
        Field<NonNullGraphType<KeywordConnectionGraphType>>("keywords").Description("Keywords, most-used first.")
            .PagingArguments()
            .Argument<KeywordFilterGraphType>("where")
            .ResolveAsync(async c =>
            {
                var query = c.Service<KeywordQueries>().Matching(Search(c.GetArgument<KeywordFilterInput?>("where")?.Search));
                return await CountedConnections.PageAsync<Keyword, KeywordDto>(query, PageArgs.From(c), c.Service<TypeAdapterConfig>(), k => (k.ArticleCount, k.Id), c.CancellationToken);
            });

        Field<SourceGraphType>("source").Description("One source by id or databaseId.")
            .Argument<IdGraphType>("id").Argument<IntGraphType>("databaseId")
            .Resolve(c => IdArguments.OneOf(c, GlobalId.Source) is { } id ? c.Service<ArticleLoaders>().Sources.Load(id) : null);
        Field<NonNullGraphType<SourceConnectionGraphType>>("sources").Description("Publishers and agencies, most articles first.")
            .PagingArguments()
            .ResolveAsync(async c => await CountedConnections.PageAsync<Source, SourceDto>(
                c.Service<NewsDbContext>().Sources, PageArgs.From(c), c.Service<TypeAdapterConfig>(), s => (s.ArticleCount, s.Id), c.CancellationToken));

        Features.Sections.SectionQueryFields.AddSections(this);
        this.AddSearchField();
        Features.Facets.FacetQueryField.AddFacets(this);
        Features.Changes.ChangeQueryField.AddChanges(this);
        Features.Webhooks.WebhookFields.AddWebhooks(this);
    }

    private static async Task<object?> ResolveNode(IResolveFieldContext c)
    {
        if (!GlobalId.TryDecode(c.GetArgument<string>("id"), out var type, out var id))
        {
            throw new UserInputError("id", "is not a global id");
        }

        return type switch
        {
            GlobalId.Article => await c.Service<ArticleLoaders>().ById.Load(id).GetResultAsync(c.CancellationToken),
            GlobalId.Entity => await c.Service<EntityLoaders>().ById.Load(id).GetResultAsync(c.CancellationToken),
            GlobalId.Source => await c.Service<ArticleLoaders>().Sources.Load(id).GetResultAsync(c.CancellationToken),
            GlobalId.Keyword => await c.Service<KeywordQueries>().GetAsync(id, c.CancellationToken),
            GlobalId.Section => await c.Service<ArticleFurnitureLoaders>().SectionsById.Load(id).GetResultAsync(c.CancellationToken),
            _ => null,
        };
    }

    private static string? Search(string? search) =>
        search is not null && ArabicNormalizer.Normalize(search).Length == 0
            ? throw new UserInputError("where.search", "must contain at least one letter or digit")
            : search;
}
