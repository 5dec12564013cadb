using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsMeta.Api.Data;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Data;

/// <summary>
/// The session settings the service's connection string asks for reach PostgreSQL: JIT compilation is off in
/// the sessions the service opens (its statements are short; compiling one cost more than running it), and a
/// pooled session, not reset when returned, carries nothing from the requests that used it before.
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

    [Fact]
    public async Task After_a_bulk_import_the_tables_are_vacuumed_and_analysed()
    {
        if (!factory.Database.IsPostgres)
        {
            Assert.Skip("Vacuum and planner statistics are PostgreSQL's: this test runs in the PostgreSQL suite.");
        }

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var started = await db.Database.SqlQueryRaw<DateTime>("SELECT now() AS \"Value\"").SingleAsync(TestContext.Current.CancellationToken);
        Assert.True(await db.Dialect.RefreshStatisticsAsync(db, TestContext.Current.CancellationToken));

        // A manual VACUUM writes its time into the shared statistics as it finishes each table (PostgreSQL 15
        // and later), and this read is a transaction of its own, so it sees them.
        var vacuumed = await db.Database.SqlQueryRaw<bool>(
            "SELECT coalesce(last_vacuum >= {0} AND last_analyze >= {0}, false) AS \"Value\" FROM pg_stat_user_tables WHERE relname = 'Articles'",
            started).SingleAsync(TestContext.Current.CancellationToken);
        Assert.True(vacuumed);
    }

    [Fact]
    public async Task A_pooled_session_carries_nothing_from_the_requests_before()
    {
        if (!factory.Database.IsPostgres)
        {
            Assert.Skip("Pooled PostgreSQL sessions are not reset when returned: this test runs in the PostgreSQL suite.");
        }

        // Writes take advisory locks and may set work_mem; the generation listener LISTENs. None of it may stay
        // with a session the pool hands to the next request.
        var writer = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        for (var i = 0; i < 3; i++)
        {
            var put = await writer.PutAsJsonAsync($"/api/v1/articles/by-external-id/session-state-{i}", new
            {
                url = $"https://session-state.example/{i}",
                title = $"خبر عن حالة الجلسة {i}",
                body = "قالت هيئة التكافؤ الوطنية إن التقرير صدر اليوم.",
                language = "ar",
                publishedAt = "2026-11-27T10:00:00Z",
                source = new { name = "صحيفة الشروق اليومية", kind = "newspaper" },
            }, TestContext.Current.CancellationToken);
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var leftovers = await db.Database.SqlQueryRaw<int>("""
            SELECT (SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid())::int
                 + (SELECT count(*) FROM pg_listening_channels())::int
                 + (SELECT count(*) FROM pg_settings WHERE name = 'work_mem' AND setting <> reset_val)::int AS "Value"
            """).SingleAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, leftovers);
    }
}
