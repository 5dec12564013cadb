#if !POSTGRES
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Security;

/// <summary>
/// Another process holds SQLite's write lock longer than the busy timeout: writers retry inside, then
/// answer a 503 problem (never "database is locked"); readers carry on; writes resume once it lets go.
/// </summary>
public sealed class SqliteLockTests(SqliteLockTests.Factory factory) : IClassFixture<SqliteLockTests.Factory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_held_write_lock_is_a_503_for_writers_only_and_writes_resume_after()
    {
        var client = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/articles?limit=1", Ct)).StatusCode);

        await using (var holder = new SqliteConnection(factory.Database.ConnectionString))
        {
            await holder.OpenAsync(Ct);
            await using var hold = holder.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE; CREATE TABLE IF NOT EXISTS LockHolder(x); INSERT INTO LockHolder VALUES (1);";
            await hold.ExecuteNonQueryAsync(Ct);

            var write = await client.PutAsJsonAsync("/api/v1/articles/by-external-id/while-locked", Record(), Ct);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
            Assert.NotNull(write.Headers.RetryAfter);
            var body = await write.Content.ReadAsStringAsync(Ct);
            Assert.DoesNotContain("locked", body, StringComparison.OrdinalIgnoreCase);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/articles?limit=3", Ct)).StatusCode);

            await using var release = holder.CreateCommand();
            release.CommandText = "ROLLBACK;";
            await release.ExecuteNonQueryAsync(Ct);
        }

        Assert.Equal(HttpStatusCode.Created, (await client.PutAsJsonAsync("/api/v1/articles/by-external-id/while-locked", Record(), Ct)).StatusCode);
    }

    private static object Record() => new
    {
        title = "خبر ينتظر القفل",
        body = "نص.",
        language = "ar",
        publishedAt = "2026-11-27T09:00:00Z",
        source = new { name = "صحيفة الواحة", kind = "newspaper" },
    };

    /// <summary>A short busy timeout so the test does not wait the default five seconds per attempt.</summary>
    public sealed class Factory : NewsMetaFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            Settings["Database:SqliteBusyTimeoutMs"] = "200";
            base.ConfigureWebHost(builder);
        }
    }
}
#endif
