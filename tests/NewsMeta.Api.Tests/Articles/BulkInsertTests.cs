using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Articles;

/// <summary>
/// The writer stores join rows and links with <see cref="BulkInsert"/>, outside the change tracker: rows
/// must come back exactly as SaveChanges would have stored them (enum and JSON conversions, nulls), also
/// when SQLite needs more than one statement for them.
/// </summary>
public sealed class BulkInsertTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rows_inserted_in_bulk_read_back_as_written_with_conversions_and_nulls()
    {
        var put = await factory.ClientWithKey(NewsMetaFactory.WriteKey).PutAsJsonAsync("/api/v1/articles/by-external-id/bulk-owner", new
        {
            externalId = "bulk-owner",
            title = "مقال يحمل روابط كثيرة",
            body = "نص قصير عن ميناء الريان.",
            language = "ar",
            publishedAt = "2026-11-28T10:00:00Z",
            source = new { name = "صحيفة الواحة", kind = "newspaper" },
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        var owner = (await put.NodeAsync())["id"]!.GetValue<int>();

        // 4,000 rows of 9 columns: more than one SQLite statement (999 parameters each) holds.
        const int Count = 4000;
        var rows = Enumerable.Range(0, Count).Select(i => new ArticleLink
        {
            ArticleId = owner,
            Position = 5000 + i,
            Kind = i % 3 == 0 ? LinkKind.ReadAlso : LinkKind.Related,
            Origin = Origin.Publisher,
            TargetArticleId = i % 2 == 0 ? owner : null,
            TargetExternalId = i % 5 == 0 ? null : $"bulk-target-{i}",
            TargetUrl = i % 7 == 0 ? $"https://wahanews.example/{i}" : null,
            Title = i % 4 == 0 ? null : $"رابط {i}",
            Score = i % 2 == 0 ? i / 10.0 : null,
            Reasons = i % 10 == 0 ? new LinkReasons { TextSimilarity = 0.25, SharedKeywords = [new SharedKeywordReason { Id = 1, Name = "ميناء", Weight = 0.5 }] } : null,
        }).ToList();

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            await db.InsertAsync(rows, Ct);
        }

        await using var check = factory.Services.CreateAsyncScope();
        var stored = await check.ServiceProvider.GetRequiredService<NewsDbContext>().ArticleLinks.AsNoTracking()
            .Where(l => l.ArticleId == owner && l.Position >= 5000).OrderBy(l => l.Position).ToListAsync(Ct);
        Assert.Equal(Count, stored.Count);
        Assert.Equal(Count, stored.Select(l => l.Id).Distinct().Count()); // the database gave each its own id
        for (var i = 0; i < Count; i++)
        {
            var (expected, actual) = (rows[i], stored[i]);
            Assert.Equal(expected.Position, actual.Position);
            Assert.Equal(expected.Kind, actual.Kind);
            Assert.Equal(expected.Origin, actual.Origin);
            Assert.Equal(expected.TargetArticleId, actual.TargetArticleId);
            Assert.Equal(expected.TargetExternalId, actual.TargetExternalId);
            Assert.Equal(expected.TargetUrl, actual.TargetUrl);
            Assert.Equal(expected.Title, actual.Title);
            Assert.Equal(expected.Score, actual.Score);
            Assert.Equal(expected.Reasons?.TextSimilarity, actual.Reasons?.TextSimilarity);
            Assert.Equal(expected.Reasons?.SharedKeywords.Single().Name, actual.Reasons?.SharedKeywords.Single().Name);
        }
    }
}
