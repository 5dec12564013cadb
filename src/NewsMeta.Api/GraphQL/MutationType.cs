using GraphQL.Types;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Ingestion;
using NewsMeta.Api.Features.NamedEntities;

namespace NewsMeta.Api.GraphQL;

/// <summary>The root mutation (write scope). Each feature adds its own fields.</summary>
public sealed class MutationType : ObjectGraphType
{
    public MutationType()
    {
        Name = "Mutation";
        this.AddArticleMutations();
        this.AddEntityMutations();
        this.AddPageImportMutation();
        Features.Webhooks.WebhookFields.AddWebhookMutations(this);
    }
}

/// <summary>The schema: one singleton, resolving request-scoped services through the request's provider.</summary>
public sealed class NewsSchema : Schema
{
    public NewsSchema(IServiceProvider services, QueryType query, MutationType mutation)
        : base(services)
    {
        Description = "NewsMeta: Arabic-first news metadata. Lists are Relay connections; ids are opaque global ids (databaseId is the REST id).";
        Query = query;
        Mutation = mutation;
    }
}
