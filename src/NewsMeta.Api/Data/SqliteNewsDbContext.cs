using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NewsMeta.Api.Data;

/// <summary>The embedded default. Migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteNewsDbContext(DbContextOptions<SqliteNewsDbContext> options) : NewsDbContext(options)
{
    public override IDatabaseDialect Dialect => SqliteDialect.Instance;
}

/// <summary>Lets <c>dotnet ef migrations add X --context SqliteNewsDbContext</c> build the model without the host.</summary>
internal sealed class SqliteNewsDbContextFactory : IDesignTimeDbContextFactory<SqliteNewsDbContext>
{
    public SqliteNewsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteNewsDbContext>().UseSqlite("Data Source=design.db").Options);
}
