using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using NewsMeta.Api.Common.WarmUp;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Service;

/// <summary>
/// With keys required for reads, the warm-up still runs the read paths (as a read-only principal of its own),
/// while a client without a key is refused as before.
/// </summary>
public sealed class StartupWarmUpKeyTests(StartupWarmUpKeyTests.Factory factory) : IClassFixture<StartupWarmUpKeyTests.Factory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_warm_up_reads_when_reads_need_a_key_and_anonymous_clients_still_do_not()
    {
        var anonymous = factory.CreateClient();
        var outcome = await factory.Services.GetRequiredService<StartupWarmUp>().Completion.WaitAsync(TimeSpan.FromSeconds(60), Ct);

        Assert.Equal((6 * Factory.Rounds, 0), (outcome.Requests, outcome.Failed));
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(WarmUpRequests.NewestPage, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.ClientWithKey(NewsMetaFactory.ReadKey).GetAsync(WarmUpRequests.NewestPage, Ct)).StatusCode);
    }

    public sealed class Factory : NewsMetaFactory
    {
        public const int Rounds = 2;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("WarmUp:Enabled", "true");
            builder.UseSetting("WarmUp:Rounds", Rounds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("WarmUp:MaxSettle", "00:00:00");
            builder.UseSetting("Auth:RequireKeyForReads", "true");
        }
    }
}
