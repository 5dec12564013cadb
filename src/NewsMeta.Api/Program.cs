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
using NewsMeta.Api.Features.Sources;
using NewsMeta.Api.Features.Webhooks;
using NewsMeta.Api.GraphQL;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

var command = CliCommands.Parse(args);
// appsettings*.json live next to the app; the content root is the working directory, so running the dll from
// elsewhere (dotnet /opt/newsmeta/NewsMeta.Api.dll) would silently start without them. Fall back to the app's folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = command?.HostArgs ?? args,
    ContentRootPath = File.Exists(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json")) ? null : AppContext.BaseDirectory,
});

builder.Services
    .AddNewsDatabase(builder.Configuration)
    .AddMappings()
    .AddApiKeyAuth(builder.Configuration)
    .AddNewsHttp(builder.Configuration)
    .AddNewsResponseCache(builder.Configuration)
    .AddNewsTelemetry(builder.Configuration)
    .AddNewsOpenApi()
    .AddArticles(builder.Configuration)
    .AddChangeFeed(builder.Configuration)
    .AddSourceCatalog()
    .AddKeywordCatalog()
    .AddEntityCatalog()
    .AddIngestion()
    .AddSearch()
    .AddJobLeases()
    .AddWebhooks(builder.Configuration)
    .AddNewsGraphQL(builder.Configuration, builder.Environment);
builder.Services.AddBenchmarkProbes(builder.Configuration); // Benchmark:Enabled only (tests/NewsMeta.Benchmarks/load)

var app = builder.Build();

if (command is { NeedsEndpoints: false })
{
    return await command.RunAsync(app);
}

if (command is null)
{
    await app.InitializeDatabaseAsync();
}

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
app.MapSearch();
app.MapWebhooks();
app.MapNewsGraphQL();
app.MapNewsHealth();

if (command is not null)
{
    // openapi: prints the document of the endpoints mapped above, without starting the server.
    return await command.RunAsync(app);
}

await app.RunAsync();
return 0;
