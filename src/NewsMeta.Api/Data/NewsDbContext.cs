using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Keywords;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Sources;
using NewsMeta.Api.GraphQL.PersistedQueries;

namespace NewsMeta.Api.Data;

/// <summary>
/// The one model. Abstract because each provider has its own subclass, and so its own migration set
/// (one migration set cannot serve SQLite and PostgreSQL); everything else depends on this type.
/// </summary>
public abstract class NewsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleCredit> ArticleCredits => Set<ArticleCredit>();
    public DbSet<ArticleKeyword> ArticleKeywords => Set<ArticleKeyword>();
    public DbSet<ArticleEntity> ArticleEntities => Set<ArticleEntity>();
    public DbSet<ArticleLink> ArticleLinks => Set<ArticleLink>();
    public DbSet<Features.Articles.ReadModel.ArticleDocument> ArticleDocuments => Set<Features.Articles.ReadModel.ArticleDocument>();
    public DbSet<Features.Articles.ReadModel.ArticleLinksDocument> ArticleLinksDocuments => Set<Features.Articles.ReadModel.ArticleLinksDocument>();
    public DbSet<ArticleByline> ArticleBylines => Set<ArticleByline>();
    public DbSet<ArticleMedia> ArticleMedia => Set<ArticleMedia>();
    public DbSet<Features.Sections.Section> Sections => Set<Features.Sections.Section>();
    public DbSet<Features.Sections.ArticleSection> ArticleSections => Set<Features.Sections.ArticleSection>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Keyword> Keywords => Set<Keyword>();
    public DbSet<NamedEntity> Entities => Set<NamedEntity>();
    public DbSet<EntityAlias> EntityAliases => Set<EntityAlias>();
    public DbSet<PersistedQuery> PersistedQueries => Set<PersistedQuery>();
    public DbSet<Common.Jobs.JobLease> JobLeases => Set<Common.Jobs.JobLease>();
    public DbSet<Common.Jobs.JobState> JobStates => Set<Common.Jobs.JobState>();
    public DbSet<Common.Auth.ApiKey> ApiKeys => Set<Common.Auth.ApiKey>();
    public DbSet<Features.Changes.ArticleTombstone> ArticleTombstones => Set<Features.Changes.ArticleTombstone>();
    public DbSet<Features.Webhooks.WebhookSubscription> WebhookSubscriptions => Set<Features.Webhooks.WebhookSubscription>();
    public DbSet<Features.Webhooks.WebhookDelivery> WebhookDeliveries => Set<Features.Webhooks.WebhookDelivery>();

    /// <summary>Whether the current caller sees embargoed articles (<see cref="ArticleVisibility"/>); read by the query filter.</summary>
    protected bool CallerSeesEmbargoed => ArticleVisibility.CallerSeesEmbargoed;

    /// <summary>What this provider does differently (locks, bulk statements, candidate queries, ...).</summary>
    public abstract IDatabaseDialect Dialect { get; }

    /// <summary>
    /// Saves, then gives <see cref="CatalogueVersion"/> a new value when the save touched what the entity matcher
    /// is built from. Changes are detected once, before both (the save itself does not detect them again).
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var (catalogueChanged, saved) = await SaveDetectedAsync(() => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken));
        if (catalogueChanged)
        {
            await CatalogueVersion.ReplaceAsync(this, cancellationToken);
        }

        return saved;
    }

    /// <inheritdoc cref="SaveChangesAsync(bool, CancellationToken)"/>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var (catalogueChanged, saved) = SaveDetectedAsync(() => Task.FromResult(base.SaveChanges(acceptAllChangesOnSuccess))).GetAwaiter().GetResult();
        if (catalogueChanged)
        {
            CatalogueVersion.Replace(this);
        }

        return saved;
    }

    private async Task<(bool CatalogueChanged, int Saved)> SaveDetectedAsync(Func<Task<int>> save)
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        if (detect)
        {
            ChangeTracker.DetectChanges();
        }

        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var catalogueChanged = CatalogueVersion.ChangedBy(ChangeTracker);
            return (catalogueChanged, await save());
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NewsDbContext).Assembly);

        // Embargoed articles are the write scope's only (ArticleVisibility): a context member, so EF reads
        // it on every execution of a cached query instead of baking one caller's answer into the plan.
        modelBuilder.Entity<Article>().HasQueryFilter(ArticleVisibility.FilterName, a => CallerSeesEmbargoed || a.ReleasedVersion != null);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is UTC; SQLite hands DateTime back as Unspecified, so mark it on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
