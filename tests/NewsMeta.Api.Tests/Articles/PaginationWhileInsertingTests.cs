using System.Net.Http.Json;
using System.Text.Json.Nodes;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Articles;

public sealed class PaginationWhileInsertingTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    [Fact]
    public async Task Walk_sees_every_existing_article_once_while_new_ones_arrive()
    {
        var reader = factory.CreateClient();
        var writer = factory.ClientWithKey(NewsMetaFactory.WriteKey);
        var existing = TestJson.SampleRecords().Count;
        var seen = new List<int>();
        string? cursor = null;
        var inserted = 0;
        do
        {
            var page = await (await reader.GetAsync("/api/v1/articles?limit=6" + (cursor is null ? "" : $"&cursor={cursor}"), TestContext.Current.CancellationToken))
                .ReadAsync<PageOf<SummaryView>>();
            seen.AddRange(page.Items.Select(a => a.Id));
            cursor = page.NextCursor;

            // Between pages: one article newer than everything, and one in the middle of the time range.
            foreach (var publishedAt in new[] { "2027-01-01T00:00:00Z", "2026-06-15T12:00:00Z" })
            {
                var record = TestJson.SampleRecords()[0].DeepClone().AsObject();
                var id = $"inserted-{inserted++}";
                record["externalId"] = id;
                record["url"] = null;
                record["publishedAt"] = publishedAt;
                var response = await writer.PutAsJsonAsync($"/api/v1/articles/by-external-id/{id}", record, TestContext.Current.CancellationToken);
                response.EnsureSuccessStatusCode();
            }
        }
        while (cursor is not null);

        Assert.Equal(seen.Count, seen.Distinct().Count());
        var original = Enumerable.Range(1, existing).ToHashSet();
        Assert.True(original.IsSubsetOf(seen), "missing: " + string.Join(",", original.Except(seen)) + " seen: " + string.Join(",", seen));
    }
}
