using NewsMeta.Api;
using NewsMeta.Api.Cli;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Auth;
using NewsMeta.Api.Common.Caching;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Changes;
using NewsMeta.Api.Features.Facets;
using NewsMeta.Api.Features.Ingestion;
using NewsMeta.Api.Features.Keywords;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Search;
using NewsMeta.Api.Features.Sections;
using NewsMeta.Api.Features.Sources;
using NewsMeta.Api.Features.Webhooks;
using NewsMeta.Api.GraphQL;

// No arguments: the web server. A command (see --help) runs instead of it, on the same composition below.
return await NewsCommandLine.RunAsync(args, BuildApp, MapEndpoints);

static WebApplication BuildApp(string[] hostArgs)
{
    // appsettings*.json live next to the app; the content root is the working directory, so running the dll from
    // elsewhere (dotnet /opt/newsmeta/NewsMeta.Api.dll) would silently start without them. Fall back to the app's folder.
    var builder = WebApplication.CreateBuilder(new WebApplicationOptions
    {
        Args = hostArgs,
        ContentRootPath = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? null : AppContext.BaseDirectory,
    });

    builder.Services
        .AddNewsDatabase()
        .AddMappings()
        .AddApiKeyAuth()
        .AddNewsHttp()
        .AddNewsResponseCache(builder.Configuration)
        .AddNewsTelemetry(builder.Configuration)
        .AddNewsOpenApi()
        .AddArticles()
        .AddChangeFeed()
        .AddSourceCatalog()
        .AddKeywordCatalog()
        .AddSections()
        .AddEntityCatalog()
        .AddIngestion()
        .AddSearch()
        .AddJobLeases()
        .AddWebhooks()
        .AddNewsGraphQL(builder.Environment);
    builder.Services.AddBenchmarkProbes(builder.Configuration); // Benchmark:Enabled only (tests/NewsMeta.Benchmarks/load)
    return builder.Build();
}

static void MapEndpoints(WebApplication app)
{
    app.UseNewsHttp();
    var articles = app.MapArticles();
    articles.MapArticleWrites();
    articles.MapIngestion();
    articles.MapPageImport();
    app.MapEntities().MapEntityWrites();
    app.MapChanges();
    app.MapFacets();
    app.MapKeywords();
    app.MapSources();
    app.MapSections();
    app.MapSearch();
    app.MapWebhooks();
    app.MapNewsGraphQL();
    app.MapNewsHealth();
}
