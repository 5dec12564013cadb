using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsMeta.Api.Data;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Data;

/// <summary>
/// The session settings the service's connection string asks for reach PostgreSQL: JIT compilation is off in
/// the sessions the service opens (its statements are short; compiling one cost more than running it).
/// </summary>
public sealed class PostgresSessionSettingsTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    [Fact]
    public async Task The_services_sessions_run_without_jit()
    {
        if (!factory.Database.IsPostgres)
        {
            Assert.Skip("JIT is a PostgreSQL setting: this test runs in the PostgreSQL suite.");
        }

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var jit = await db.Database.SqlQueryRaw<string>("SELECT current_setting('jit') AS \"Value\"").SingleAsync(TestContext.Current.CancellationToken);

        Assert.Equal("off", jit);
    }
}
