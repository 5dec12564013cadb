using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsMeta.Api.Data;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Data;

/// <summary>
/// The EF model and the migrations of the provider under test agree: a model change without its migration
/// fails here, on SQLite and (compiled again) on PostgreSQL, before it fails on someone's database.
/// </summary>
public sealed class MigrationTests : IClassFixture<NewsMetaFactory>
{
    private readonly NewsMetaFactory _factory;

    public MigrationTests(NewsMetaFactory factory) => _factory = factory;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_model_has_no_changes_the_migrations_lack_and_every_migration_is_applied()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();

        Assert.False(db.Database.HasPendingModelChanges(), "the model has changed since the last migration: add one for each provider");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(Ct));
        var applied = await db.Database.GetAppliedMigrationsAsync(Ct);
        Assert.Contains(applied, m => m.EndsWith("_Initial", StringComparison.Ordinal));
        Assert.Equal(db.Database.GetMigrations(), applied);
    }
}
