using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsMeta.Api.Common.Http;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Articles.ReadModel;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.ReadModel;

/// <summary>
/// During a rolling upgrade a binary from before frames rewrites a document whole and leaves the frame's
/// position it does not know: readers send that document as it is, never a splice of its links into the middle.
/// </summary>
public sealed class WholeDocumentUnderFrameTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_whole_document_left_with_a_frame_position_is_read_as_it_is()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var id = await db.ArticleLinksDocuments.Where(l => l.Links.Length > 2).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync(Ct);
        var fresh = await scope.ServiceProvider.GetRequiredService<ArticleQueries>().GetAsync(id, Ct);
        var (whole, _, _) = ArticleDocumentWriter.Serialize(fresh!);
        var stored = await db.ArticleDocuments.AsNoTracking().SingleAsync(d => d.Id == id, Ct);
        Assert.True(StoredDocumentFrame.IsFrame(stored.Full, stored.LinksAt!.Value));
        Assert.False(StoredDocumentFrame.IsFrame(whole, stored.LinksAt.Value));

        // What the older binary's upsert leaves: its whole bytes and their tag, the frame's position untouched.
        Assert.Equal(1, await db.ArticleDocuments.Where(d => d.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Full, whole).SetProperty(d => d.FullETag, ETags.ForBytes(whole)), Ct));

        var response = await factory.CreateClient().GetAsync($"/api/v1/articles/{id}", Ct);
        var body = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(whole, body);
        Assert.Equal(fresh!.Links.Count, JsonNode.Parse(body)!["links"]!.AsArray().Count);
        Assert.Equal(ETags.ForBytes(whole), response.Headers.ETag!.Tag);
    }
}
