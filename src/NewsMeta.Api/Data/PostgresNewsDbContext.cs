using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NewsMeta.Api.Data;

/// <summary>Production and scale-out. Migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresNewsDbContext(DbContextOptions<PostgresNewsDbContext> options) : NewsDbContext(options)
{
    public override IDatabaseDialect Dialect => PostgresDialect.Instance;
}

/// <summary>Lets <c>dotnet ef migrations add X --context PostgresNewsDbContext</c> build the model without the host or a server.</summary>
internal sealed class PostgresNewsDbContextFactory : IDesignTimeDbContextFactory<PostgresNewsDbContext>
{
    public PostgresNewsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresNewsDbContext>().UseNpgsql("Host=localhost;Database=newsmeta_design").Options);
}
