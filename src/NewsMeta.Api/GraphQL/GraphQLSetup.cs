using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using NewsMeta.Api.Common.Settings;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.GraphQL.Http;
using NewsMeta.Api.GraphQL.PersistedQueries;
using NewsMeta.Api.GraphQL.Ui;

namespace NewsMeta.Api.GraphQL;

/// <summary>Registers the GraphQL schema, its limits and loaders, and maps /graphql, /graphql/ui and /graphql/schema.graphql.</summary>
public static class GraphQLSetup
{
    public static IServiceCollection AddNewsGraphQL(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddSettings<GraphQLOptions>(GraphQLOptions.Section);
        services.AddMemoryCache(o => o.SizeLimit ??= 32_000_000);
        services.AddScoped<ArticleLoaders>().AddScoped<ArticleFurnitureLoaders>().AddScoped<ArticlePagesByParent>().AddScoped<ArticleGraphQueries>()
            .AddScoped<EntityLoaders>().AddScoped<EntityWriter>()
            .AddScoped<PersistedQueryStore>().AddScoped<OperationRunner>()
            .AddSingleton<DocumentCache.ValidatedDocumentCache>().AddSingleton<IConfigureExecution, DocumentCache.CachedDocumentRules>();
        // Answers are buffered in pooled blocks (GraphQLEndpoint); what the pool keeps idle is bounded.
        services.AddSingleton(new Microsoft.IO.RecyclableMemoryStreamManager(new Microsoft.IO.RecyclableMemoryStreamManager.Options
        {
            BlockSize = 32 * 1024,
            MaximumSmallPoolFreeBytes = 8 * 1024 * 1024,
            MaximumLargePoolFreeBytes = 8 * 1024 * 1024,
        }));
        services.AddGraphQL(b => b
            .AddSchema<NewsSchema>()
            .AddGraphTypes(typeof(NewsSchema).Assembly)
            // Arabic stays readable in responses (no \uXXXX escapes), as in the REST API.
            .AddSystemTextJson(o => o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            // One DbContext per request, so resolvers must not run in parallel (PostgreSQL would refuse);
            // lists of objects are completed in one pass over their selection (Projection).
            .AddExecutionStrategy<Projection.ProjectingExecutionStrategy>(OperationType.Query)
            // Activities (source "GraphQL") per request, exported when telemetry is switched on.
            .UseTelemetry()
            // One operation selection for the transport and the executor (OperationSelector).
            .AddDocumentExecuter<NewsDocumentExecuter>()
            // Aliases, fields and depth, measured before the standard rules and the cost analysis.
            .AddValidationRule<OperationLimitsRule>()
            .AddComplexityAnalyzer((o, sp) => QueryCost.Configure(o, sp.GetRequiredService<IOptions<GraphQLOptions>>().Value))
            // The limits are read per operation from the bound settings (WithTimeout would need them at registration).
            .ConfigureExecutionOptions(o =>
            {
                var limits = o.RequestServices?.GetService<IOptions<GraphQLOptions>>()?.Value ?? new GraphQLOptions();
                o.Timeout = limits.Timeout;
                o.TimeoutAction = TimeoutAction.ReturnTimeoutError;
                // __schema and __type answered or refused (INTROSPECTION_DISABLED); __typename is always answered.
                if (!(limits.Introspection ?? environment.IsDevelopment()))
                {
                    o.ValidationRules = (o.ValidationRules ?? global::GraphQL.Validation.DocumentValidator.CoreRules).Append(NoIntrospectionValidationRule.Instance);
                }
            })
            .AddErrorInfoProvider(_ => new NewsErrorInfoProvider(environment.IsDevelopment()))
            .AddUnhandledExceptionHandler(context =>
            {
                context.ExecutionOptions.RequestServices?.GetService<ILoggerFactory>()?.CreateLogger("NewsMeta.GraphQL")
                    .LogError(context.OriginalException, "GraphQL resolver failed");
                context.ErrorMessage = "Internal error while resolving this field; it has been logged.";
            }));
        return services;
    }

    public static WebApplication MapNewsGraphQL(this WebApplication app)
    {
        // The transport authorises each operation itself (a query needs the read policy, a mutation write) and
        // answers as GraphQL errors, so the endpoint-level fallback policy must not answer for it first.
        app.MapPost("/graphql", GraphQLEndpoint.HandlePostAsync).AllowAnonymous().CacheOutput(Common.Caching.ResponseCache.Policy).WithMetadata(new Common.Caching.CacheablePostQueries()).ExcludeFromDescription();
        app.MapGet("/graphql", GraphQLEndpoint.HandleGetAsync).AllowAnonymous().CacheOutput(Common.Caching.ResponseCache.Policy).ExcludeFromDescription();
        // The schema is the API's description, public like the OpenAPI document.
        app.MapGet("/graphql/schema.graphql", (ISchema schema) => Results.Text(SchemaText.Print(schema), "text/plain; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription();
        app.MapGraphQLIde();
        return app;
    }
}
