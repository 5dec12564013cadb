using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common.Settings;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Ingestion;
using NewsMeta.Api.Features.Keywords;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Search;
using NewsMeta.Api.Features.Sources;

namespace NewsMeta.Api;

/// <summary>The services of each feature, so Program.cs only composes.</summary>
public static class FeatureRegistrations
{
    public static IServiceCollection AddArticles(this IServiceCollection services)
    {
        services.AddSettings<GroupCommitOptions>(GroupCommitOptions.Section);
        services.AddSettings<EmbargoOptions>(EmbargoOptions.Section);
        services.AddSingleton<EmbargoReleaseJob>().AddHostedService(sp => sp.GetRequiredService<EmbargoReleaseJob>());
        return services.AddSingleton<GroupCommit>().AddHostedService(sp => sp.GetRequiredService<GroupCommit>())
            .AddScoped<ArticleQueries>().AddScoped<Features.Articles.ReadModel.ArticleDocumentWriter>().AddScoped<Features.Articles.ReadModel.StoredArticles>().AddScoped<ArticleWriter>().AddScoped<Features.Articles.Pipeline.WritePipeline>().AddScoped<Features.Enrichment.SimilarArticles>().AddScoped<Features.Enrichment.KeywordExtraction>()
            .AddSingleton(TimeProvider.System);
    }

    /// <summary>Tombstones of deleted articles and the change feed over them and the articles.</summary>
    public static IServiceCollection AddChangeFeed(this IServiceCollection services)
    {
        services.AddSettings<Features.Changes.ChangeFeedOptions>(Features.Changes.ChangeFeedOptions.Section);
        return services.AddScoped<Features.Changes.Tombstones>().AddScoped<Features.Changes.ChangeFeed>()
            .AddScoped<Features.Facets.FacetQueries>();
    }

    public static IServiceCollection AddSourceCatalog(this IServiceCollection services) =>
        services.AddScoped<SourceCatalog>().AddScoped<SourceQueries>();

    public static IServiceCollection AddSections(this IServiceCollection services) =>
        services.AddScoped<Features.Sections.SectionQueries>();

    public static IServiceCollection AddKeywordCatalog(this IServiceCollection services) =>
        services.AddScoped<KeywordCatalog>().AddScoped<KeywordQueries>();

    public static IServiceCollection AddEntityCatalog(this IServiceCollection services)
    {
        services.AddSettings<EnrichmentOptions>(EnrichmentOptions.Section);
        return services.AddScoped<EntityCatalog>().AddScoped<EntityQueries>().AddScoped<EntityLinker>().AddScoped<CatalogueChangeRelinker>().AddSingleton<EntityMatcherCache>()
            .AddSingleton<RelinkJob>().AddHostedService(sp => sp.GetRequiredService<RelinkJob>());
    }

    /// <summary>Search: the index of the configured provider, and the queries over it.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services) =>
        services
            .AddScoped(sp => sp.GetRequiredService<NewsDbContext>() is var db ? db.Dialect.SearchIndex(db) : null!)
            .AddScoped<SearchQueries>().AddScoped<StoredSearch>().AddScoped<SearchVariants>();

    public static IServiceCollection AddJobLeases(this IServiceCollection services) =>
        services.AddScoped<Common.Jobs.JobLeases>();

    public static IServiceCollection AddIngestion(this IServiceCollection services)
    {
        services.AddSettings<IngestionOptions>(IngestionOptions.Section);
        return services.AddScoped<NdjsonImporter>().AddScoped<ImportCatalogueFirst>().AddScoped<ArticleExporter>().AddScoped<PageImporter>()
            .AddScoped<Features.Ingestion.Html.HtmlPageImporter>();
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(allowSeed: true, app.Lifetime.ApplicationStopping);
    }
}
