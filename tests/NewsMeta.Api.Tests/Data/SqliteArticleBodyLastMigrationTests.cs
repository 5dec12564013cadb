using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Features.Sources;

namespace NewsMeta.Api.Tests.Data;

/// <summary>
/// The SQLite migration that moves the body to the end of "Articles" rebuilds the table (create, copy, drop,
/// rename). The drop runs with foreign keys off: with them on, dropping "Articles" would delete every row
/// that references an article (its mentions, keywords, links, document) by cascade.
/// </summary>
public sealed class SqliteArticleBodyLastMigrationTests : IDisposable
{
    private const string MigrationBefore = "20261207083832_PartialLinkTargetIndexes";

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"newsmeta-bodylast-{Guid.NewGuid():N}.db");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Moving_the_body_last_keeps_every_row_that_references_an_article()
    {
        // Foreign keys on for every connection, as the service's connection setup has them.
        var options = new DbContextOptionsBuilder<SqliteNewsDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = _file, ForeignKeys = true, Pooling = false }.ToString()).Options;
        await using (var db = new SqliteNewsDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync(MigrationBefore, cancellationToken: Ct);
            Assert.NotEqual("Body", await LastColumnAsync(db));
            var source = new Source { Name = "صحيفة الواحة", NormalizedName = "صحيفة الواحة", Kind = SourceKind.Newspaper };
            var entity = new NamedEntity { Name = "ليلى الفارس", NormalizedName = "ليلى الفارس", Type = EntityType.Person };
            db.Articles.Add(new Article
            {
                ExternalId = "bodylast-1",
                Slug = "bodylast-1",
                Title = "مهرجان الخريف في الواحة",
                Body = new string('ن', 20_000),
                Language = "ar",
                ContentHash = "x",
                Source = source,
                PublishedAt = DateTime.UtcNow,
                ChangedAt = DateTime.UtcNow,
                CreatedAt = DateTime.UtcNow,
                Version = 1,
                ReleasedVersion = 1,
                Entities = [new ArticleEntity { Entity = entity, Position = 0, Origin = Origin.Publisher }],
            });
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = new SqliteNewsDbContext(options))
        {
            await db.Database.MigrateAsync(Ct);
            Assert.Equal("Body", await LastColumnAsync(db));
            var article = await db.Articles.IgnoreQueryFilters().Include(a => a.Entities).SingleAsync(Ct);
            Assert.Equal(20_000, article.Body.Length);
            Assert.Equal("ليلى الفارس", (await db.Entities.SingleAsync(e => e.Id == article.Entities.Single().EntityId, Ct)).Name);
            Assert.Empty(await db.Database.SqlQueryRaw<string>("SELECT \"table\" AS \"Value\" FROM pragma_foreign_key_check").ToListAsync(Ct));
        }
    }

    private static async Task<string> LastColumnAsync(DbContext db) =>
        (await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM pragma_table_info('Articles') ORDER BY cid").ToListAsync(Ct)).Last();

    public void Dispose()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_file + suffix);
        }
    }
}
