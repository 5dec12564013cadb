using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Ingestion;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Ingestion;

/// <summary>The import's first pass, which puts the file's entities into the catalogue before any article is written.</summary>
public sealed class ImportCatalogueFirstTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_imports_naming_the_same_new_entities_at_once_both_finish_and_each_entity_is_stored_once()
    {
        // On PostgreSQL the second pass's INSERT waits on the first's uncommitted rows, then hits the
        // unique index: without a retry the second import died with an unhandled DbUpdateException.
        var names = Enumerable.Range(0, 300).Select(i => $"شركة الواحة للتجارة رقم {i}").ToList();
        var file = Encoding.UTF8.GetBytes(string.Join('\n', names.Chunk(10).Select((chunk, i) => JsonSerializer.Serialize(new
        {
            externalId = $"catalogue-race-{i}",
            title = $"خبر السوق {i}",
            body = "تقرير عن تجارة الواحة.",
            language = "ar",
            publishedAt = "2026-11-28T08:00:00Z",
            source = new { name = "صحيفة الواحة", kind = "newspaper" },
            entities = chunk.Select(n => new { name = n, type = "organization", aliases = new[] { n + " المحدودة" } }),
        }))));

        var passes = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            await using var scope = factory.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ImportCatalogueFirst>().PrepareAsync(new MemoryStream(file), Ct);
        }));

        Assert.All(passes, p => Assert.Equal(names.Count, p.Entities));
        await using var check = factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<NewsDbContext>();
        var stored = await db.Entities.Where(e => names.Contains(e.Name)).GroupBy(e => e.Name).Select(g => g.Count()).ToListAsync(Ct);
        Assert.Equal(names.Count, stored.Count);
        Assert.All(stored, count => Assert.Equal(1, count));
        Assert.Equal(names.Count, await db.EntityAliases.CountAsync(a => a.Name.EndsWith(" المحدودة") && a.Name.StartsWith("شركة الواحة للتجارة"), Ct));
    }
}
