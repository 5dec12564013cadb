using System.Collections.Concurrent;
using System.Data.Common;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.NamedEntities;
using NewsMeta.Api.Tests.Infrastructure;
using NewsMeta.Text;

namespace NewsMeta.Api.Tests.Catalogue;

/// <summary>
/// A write batch checks the entity catalogue through its one-row version: the full catalogue stamp (counts and
/// highest ids over every entity and alias) is read only when the version moved since the last check, so a
/// write that follows another without a catalogue change does not count the catalogue again, and a write
/// after a catalogue edit still links the edit's names.
/// </summary>
public sealed class WriterCatalogueCheckTests : IAsyncLifetime
{
    private readonly EmptyNewsMetaFactory _factory = new();
    private readonly StampStatements _stamps = new();
    private HttpClient _client = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        _factory.Interceptors.Add(_stamps);
        _client = _factory.ClientWithKey(NewsMetaFactory.WriteKey);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Writes_without_a_catalogue_change_do_not_count_the_catalogue_and_writes_after_a_change_link_its_names()
    {
        var created = await _client.PostAsJsonAsync("/api/v1/entities", new { name = "رامي الصفدي", type = "person" }, Ct);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(Ct));
        var entityId = (await created.NodeAsync())["id"]!.GetValue<int>();
        await PutAsync("catalogue-check-1", "رامي الصفدي يفتتح مكتبة الحي", "افتتح رامي الصفدي مكتبة صغيرة قرب الساحة.");

        _stamps.Reset();
        await PutAsync("catalogue-check-2", "مكتبة الحي تستقبل زوارها", "قال رامي الصفدي إن المكتبة استقبلت مئة زائر في يومها الأول.");
        Assert.Equal(0, _stamps.Count);
        Assert.Contains(entityId, await EntityIdsAsync("catalogue-check-2"));

        // An edit through the API relinks in its own transaction, under the version it gives the catalogue.
        var alias = await _client.PostAsJsonAsync($"/api/v1/entities/{entityId}/aliases", new { alias = "أبو كرم" }, Ct);
        Assert.True(alias.IsSuccessStatusCode, await alias.Content.ReadAsStringAsync(Ct));
        await PutAsync("catalogue-check-3", "أمسية شعرية في المكتبة", "قرأ أبو كرم قصائد جديدة أمام جمهور المكتبة مساء الخميس.");
        Assert.Contains(entityId, await EntityIdsAsync("catalogue-check-3"));

        // A row saved behind the API (as a catalogue load does) moves the version and checks nothing.
        int addedId;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var added = new NamedEntity { Name = "جمعية أصدقاء الكتاب", NormalizedName = ArabicNormalizer.Normalize("جمعية أصدقاء الكتاب"), Type = EntityType.Organization, Status = EntityStatus.Confirmed };
            db.Entities.Add(added);
            await db.SaveChangesAsync(Ct);
            addedId = added.Id;
        }

        _stamps.Reset();
        await PutAsync("catalogue-check-4", "تبرعات للمكتبة", "قدمت جمعية أصدقاء الكتاب مئتي كتاب للمكتبة الجديدة.");
        Assert.Equal(1, _stamps.Count);
        Assert.Contains(addedId, await EntityIdsAsync("catalogue-check-4"));

        _stamps.Reset();
        await PutAsync("catalogue-check-5", "المكتبة تمدد ساعات العمل", "أعلن أبو كرم أن جمعية أصدقاء الكتاب ستدعم فتح المكتبة حتى العاشرة ليلا.");
        Assert.Equal(0, _stamps.Count);
        Assert.Superset(new HashSet<int> { entityId, addedId }, (await EntityIdsAsync("catalogue-check-5")).ToHashSet());
    }

    private async Task PutAsync(string externalId, string title, string body)
    {
        var put = await _client.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", new
        {
            title,
            body,
            language = "ar",
            publishedAt = "2026-11-21T09:00:00Z",
            source = new { name = "نشرة الحي", kind = "site" },
        }, Ct);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Ct));
    }

    private async Task<List<int>> EntityIdsAsync(string externalId)
    {
        var article = await (await _client.GetAsync($"/api/v1/articles/by-external-id/{externalId}", Ct)).NodeAsync();
        return [.. article["entities"]!.AsArray().Select(e => e!["id"]!.GetValue<int>())];
    }

    /// <summary>Counts the statements that read the full catalogue stamp (they name its highest entity id).</summary>
    private sealed class StampStatements : DbCommandInterceptor
    {
        private readonly ConcurrentQueue<string> _texts = new();

        public int Count => _texts.Count;

        public void Reset() => _texts.Clear();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("MaxEntityId", StringComparison.Ordinal))
            {
                _texts.Enqueue(command.CommandText);
            }

            return ValueTask.FromResult(result);
        }
    }
}
