using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;
using NewsMeta.Api.Common.Settings;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.GraphQL.Http;
using NewsMeta.Api.GraphQL.PersistedQueries;

namespace NewsMeta.Api.GraphQL;

/// <summary>Registers the GraphQL schema, its limits and loaders, and maps /graphql, /graphql/ui and /graphql/schema.graphql.</summary>
public static class GraphQLSetup
{
    public static IServiceCollection AddNewsGraphQL(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddSettings<GraphQLOptions>(GraphQLOptions.Section);
        services.AddMemoryCache(o => o.SizeLimit ??= 32_000_000);
        services.AddScoped<ArticleLoaders>().AddScoped<ArticlePagesByParent>().AddScoped<ArticleGraphQueries>()
            .AddScoped<EntityLoaders>().AddScoped<EntityWriter>()
            .AddScoped<PersistedQueryStore>().AddScoped<OperationRunner>();
        services.AddGraphQL(b => b
            .AddSchema<NewsSchema>()
            .AddGraphTypes(typeof(NewsSchema).Assembly)
            // Arabic stays readable in responses (no \uXXXX escapes), as in the REST API.
            .AddSystemTextJson(o => o.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)
            // One DbContext per request, so resolvers must not run in parallel (PostgreSQL would refuse).
            .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
            // Activities (source "GraphQL") per request, exported when telemetry is switched on.
            .UseTelemetry()
            .AddComplexityAnalyzer((o, sp) => QueryCost.Configure(o, sp.GetRequiredService<IOptions<GraphQLOptions>>().Value))
            // The limit is read per operation from the bound settings (WithTimeout would need it at registration).
            .ConfigureExecutionOptions(o =>
            {
                o.Timeout = (o.RequestServices?.GetService<IOptions<GraphQLOptions>>()?.Value ?? new GraphQLOptions()).Timeout;
                o.TimeoutAction = TimeoutAction.ReturnTimeoutError;
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
        app.MapPost("/graphql", GraphQLEndpoint.HandlePostAsync).CacheOutput(Common.Caching.ResponseCache.Policy).WithMetadata(new Common.Caching.CacheablePostQueries()).ExcludeFromDescription();
        app.MapGet("/graphql", GraphQLEndpoint.HandleGetAsync).CacheOutput(Common.Caching.ResponseCache.Policy).ExcludeFromDescription();
        app.MapGet("/graphql/schema.graphql", (ISchema schema) => Results.Text(SchemaText.Print(schema), "text/plain; charset=utf-8"))
            .ExcludeFromDescription();
        MapIde(app);
        return app;
    }

    /// <summary>The IDE is three static files embedded in the assembly: it works offline and in the container.</summary>
    private static void MapIde(WebApplication app)
    {
        app.MapGet("/graphql/ui", () => Asset("index.html", "text/html; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/graphql/ui/app.js", () => Asset("app.js", "text/javascript; charset=utf-8")).ExcludeFromDescription();
        app.MapGet("/graphql/ui/app.css", () => Asset("app.css", "text/css; charset=utf-8")).ExcludeFromDescription();
    }

    private static IResult Asset(string name, string contentType) =>
        typeof(GraphQLSetup).Assembly.GetManifestResourceStream($"graphql-ui/{name}") is { } stream
            ? Results.Stream(stream, contentType)
            : Results.NotFound();
}
