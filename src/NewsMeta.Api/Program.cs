using NewsMeta.Api;
using NewsMeta.Api.Cli;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Auth;
using NewsMeta.Api.Common.Caching;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Changes;
using NewsMeta.Api.Features.Ingestion;
using NewsMeta.Api.Features.Keywords;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Search;
using NewsMeta.Api.Features.Sources;
using NewsMeta.Api.GraphQL;

if (HealthProbe.IsRequested(args))
{
    return await HealthProbe.RunAsync(args);
}

var command = CliCommands.Parse(args);
var builder = WebApplication.CreateBuilder(command?.HostArgs ?? args);

builder.Services
    .AddNewsDatabase(builder.Configuration)
    .AddMappings()
    .AddApiKeyAuth(builder.Configuration)
    .AddNewsHttp(builder.Configuration)
    .AddNewsResponseCache(builder.Configuration)
    .AddNewsTelemetry(builder.Configuration)
    .AddNewsOpenApi()
    .AddArticles()
    .AddChangeFeed(builder.Configuration)
    .AddSourceCatalog()
    .AddKeywordCatalog()
    .AddEntityCatalog()
    .AddIngestion()
    .AddSearch()
    .AddJobLeases()
    .AddNewsGraphQL(builder.Configuration, builder.Environment);

var app = builder.Build();

if (command is not null)
{
    return await command.RunAsync(app);
}

await app.InitializeDatabaseAsync();

app.UseNewsHttp();
var articles = app.MapArticles();
articles.MapArticleWrites();
articles.MapIngestion();
articles.MapPageImport();
app.MapEntities().MapEntityWrites();
app.MapChanges();
app.MapKeywords();
app.MapSources();
app.MapSearch();
app.MapNewsGraphQL();
app.MapNewsHealth();

await app.RunAsync();
return 0;
