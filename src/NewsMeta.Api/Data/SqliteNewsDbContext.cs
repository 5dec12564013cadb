using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NewsMeta.Api.Data;

/// <summary>The embedded default. Migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteNewsDbContext(DbContextOptions<SqliteNewsDbContext> options) : NewsDbContext(options)
{
    public override IDatabaseDialect Dialect => SqliteDialect.Instance;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // SQLite stores a row's columns in order and reads a column by walking the record up to it: with the
        // body (several overflow pages) in the middle, every read of publishedAt, the visibility or the source
        // walked the body's overflow chain. Last, the other columns stay on the row's own page. Columns with
        // an order go before those without, so every column gets one: the key, the others by name, the body.
        var article = modelBuilder.Entity<Features.Articles.Article>().Metadata;
        var order = 0;
        foreach (var property in article.GetProperties().OrderBy(p => p.IsPrimaryKey() ? 0 : p.Name == nameof(Features.Articles.Article.Body) ? 2 : 1))
        {
            property.SetColumnOrder(order++);
        }
    }
}

/// <summary>Lets <c>dotnet ef migrations add X --context SqliteNewsDbContext</c> build the model without the host.</summary>
internal sealed class SqliteNewsDbContextFactory : IDesignTimeDbContextFactory<SqliteNewsDbContext>
{
    public SqliteNewsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteNewsDbContext>().UseSqlite("Data Source=design.db").Options);
}
