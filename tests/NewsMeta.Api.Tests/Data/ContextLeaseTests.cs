using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsMeta.Api.Data;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Data;

/// <summary>
/// A request's pooled context goes back to the pool once, when its scope ends. The scope holds it under two
/// service types (NewsDbContext and the provider's context), so it is disposed twice; were the first disposal to
/// return it, another request could lease it before the second, which would then hand it out a second time
/// while that request still used it (two requests on one connection: disposed-context errors and a desynced
/// PostgreSQL protocol under concurrent load).
/// </summary>
public sealed class ContextLeaseTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Disposing_a_requests_context_early_does_not_return_it_to_the_pool()
    {
        factory.CreateClient().Dispose(); // the store exists
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        Assert.True(await db.Articles.AnyAsync(Ct));

        // What the scope's first disposal of the context does; the scope itself is still alive.
        await db.DisposeAsync();

        Assert.True(await db.Articles.AnyAsync(Ct));
        await using var other = factory.Services.CreateAsyncScope();
        Assert.NotSame(db, other.ServiceProvider.GetRequiredService<NewsDbContext>());
    }
}
