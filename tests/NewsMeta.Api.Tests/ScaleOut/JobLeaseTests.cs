using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NewsMeta.Api.Common.Jobs;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.ScaleOut;

/// <summary>Two instances on one database racing for the same job lease: exactly one wins, every time. They share a fake clock, so a lease expires when the test says.</summary>
public sealed class JobLeaseTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly NewsMetaFactory _first;
    private NewsMetaFactory _second = null!;

    public JobLeaseTests() => _first = new NewsMetaFactory { Clock = _clock };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _first.CreateClient().Dispose();
        _second = new NewsMetaFactory { Database = _first.Database, Clock = _clock };
        _second.CreateClient().Dispose();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    [Fact]
    public async Task Racing_instances_get_the_lease_exactly_once()
    {
        for (var round = 0; round < 5; round++)
        {
            var job = $"race-{round}";
            var attempts = Enumerable.Range(0, 16).Select(i => TryAsync(i % 2 == 0 ? _first : _second, job, $"holder-{i}", TimeSpan.FromMinutes(1)));
            var results = await Task.WhenAll(attempts);
            Assert.Equal(1, results.Count(won => won));
        }
    }

    [Fact]
    public async Task Holder_renews_others_wait_until_release_or_expiry()
    {
        Assert.True(await TryAsync(_first, "renew", "a", TimeSpan.FromMinutes(1)));
        Assert.True(await TryAsync(_first, "renew", "a", TimeSpan.FromMinutes(1))); // renewal by the holder
        Assert.False(await TryAsync(_second, "renew", "b", TimeSpan.FromMinutes(1)));

        await using (var scope = _first.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<JobLeases>().ReleaseAsync("renew", "a", Ct);
        }

        Assert.True(await TryAsync(_second, "renew", "b", TimeSpan.FromMinutes(1)));
        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(await TryAsync(_first, "renew", "a", TimeSpan.FromMinutes(1))); // b's lease still runs
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(await TryAsync(_first, "renew", "a", TimeSpan.FromMinutes(1))); // b's lease expired
    }

    private static async Task<bool> TryAsync(NewsMetaFactory instance, string job, string holder, TimeSpan period)
    {
        await using var scope = instance.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<JobLeases>().TryAcquireAsync(job, holder, period, Ct);
    }
}
