using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using NewsMeta.Api.Common.WarmUp;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Service;

/// <summary>
/// A starting instance runs its read paths in-process before it reports ready: every warm-up request answers
/// 2xx, none spends a client's rate budget or leaves an answer in the response cache, and readiness waits for it.
/// </summary>
public sealed class StartupWarmUpTests(StartupWarmUpTests.Factory factory) : IClassFixture<StartupWarmUpTests.Factory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_warm_up_runs_every_read_path_before_ready_and_spends_no_client_budget_or_cache()
    {
        var client = factory.CreateClient();
        var outcome = await factory.Services.GetRequiredService<StartupWarmUp>().Completion.WaitAsync(TimeSpan.FromSeconds(60), Ct);

        // The newest page, GraphQL, the article by id and by externalId, an entity's articles and a search: six paths.
        Assert.Equal(6 * Factory.Rounds, outcome.Requests);
        Assert.Equal(0, outcome.Failed);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", Ct)).StatusCode);

        // The whole anonymous budget is still there (the health probe is not charged).
        factory.Sql.Reset();
        for (var i = 0; i < Factory.AnonymousPermits; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(WarmUpRequests.NewestPage, Ct)).StatusCode);
            if (i == 0)
            {
                // The first one read the database: the warm-up left no cached answer behind.
                Assert.True(factory.Sql.Count > 0);
                factory.Sql.Reset();
            }
        }

        // The rest came from the cache, and the budget is spent now.
        Assert.Equal(0, factory.Sql.Count);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(WarmUpRequests.NewestPage, Ct)).StatusCode);
    }

    [Fact]
    public async Task Readiness_waits_for_the_warm_up()
    {
        _ = factory.Server;
        // A second warm-up of the same instance, not started yet: readiness would say no until it ends.
        var warmUp = ActivatorUtilities.CreateInstance<StartupWarmUp>(factory.Services);
        var check = new WarmUpHealthCheck(warmUp);
        Assert.Equal(HealthStatus.Degraded, (await check.CheckHealthAsync(new HealthCheckContext(), Ct)).Status);

        await warmUp.StartAsync(Ct);
        var outcome = await warmUp.Completion.WaitAsync(TimeSpan.FromSeconds(60), Ct);
        await warmUp.StopAsync(Ct);

        Assert.Equal((6 * Factory.Rounds, 0), (outcome.Requests, outcome.Failed));
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext(), Ct)).Status);
    }

    /// <summary>The sample corpus with the warm-up on (a few rounds, no wait for the compiler), a small anonymous budget and the response cache on.</summary>
    public sealed class Factory : NewsMetaFactory
    {
        public const int Rounds = 3;
        public const int AnonymousPermits = 4;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("WarmUp:Enabled", "true");
            builder.UseSetting("WarmUp:Rounds", Rounds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("WarmUp:MaxSettle", "00:00:00");
            builder.UseSetting("RateLimit:Enabled", "true");
            builder.UseSetting("RateLimit:AnonymousPermitsPerMinute", AnonymousPermits.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Caching:InProcess", "true");
        }
    }
}
