using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Service;

/// <summary>A fresh start does no needless work and writes no needless warnings.</summary>
public sealed class QuietStartTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    [Fact]
    public async Task A_fresh_seeded_start_leaves_nothing_to_relink()
    {
        // The fixture seeded the sample corpus on its empty database; the job (off in tests) runs one round here.
        var job = factory.Services.GetRequiredService<RelinkJob>();

        Assert.False(await job.RunOnceAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void No_Data_Protection_is_registered_so_no_key_ring_is_created_or_stored()
    {
        // Nothing in the service encrypts a cookie or token; a registered provider would create a key at start
        // (and warn that it is stored unencrypted).
        Assert.Null(factory.Services.GetService<IDataProtectionProvider>());
    }
}
