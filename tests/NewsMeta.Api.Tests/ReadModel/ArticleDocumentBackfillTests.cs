using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Articles.ReadModel;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.ReadModel;

/// <summary>
/// A store written before the read model, before its relations column or before links were stored apart, is
/// completed by the start-up backfill: missing documents are rendered, documents without their relations get
/// them, whole documents become frames with their links stored apart, and documents already complete are left alone.
/// </summary>
public sealed class ArticleDocumentBackfillTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Missing_documents_and_missing_relations_are_rendered_and_complete_ones_kept()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var ids = await db.Articles.OrderBy(a => a.Id).Select(a => a.Id).ToListAsync(Ct);
        Assert.True(ids.Count > 10, "the sample corpus is loaded");
        var withoutDocument = ids[0];
        var withoutParts = ids[1..5];
        var complete = ids[^1];
        var completeBefore = await db.ArticleDocuments.AsNoTracking().SingleAsync(d => d.Id == complete, Ct);

        await db.ArticleDocuments.Where(d => d.Id == withoutDocument).ExecuteDeleteAsync(Ct);
        await db.ArticleLinksDocuments.Where(l => l.Id == withoutDocument).ExecuteDeleteAsync(Ct);
        Assert.Equal(withoutParts.Count, await db.ArticleDocuments.Where(d => withoutParts.Contains(d.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Parts, (byte[]?)null), Ct));

        // A document stored whole, as before links were stored apart: its links row is missing too.
        var whole = ids[5];
        var wholeFresh = await scope.ServiceProvider.GetRequiredService<ArticleQueries>().GetAsync(whole, Ct);
        var (wholeFull, _, _) = ArticleDocumentWriter.Serialize(wholeFresh!);
        await db.ArticleLinksDocuments.Where(l => l.Id == whole).ExecuteDeleteAsync(Ct);
        Assert.Equal(1, await db.ArticleDocuments.Where(d => d.Id == whole)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Full, wholeFull).SetProperty(d => d.LinksAt, (int?)null), Ct));

        await ArticleDocumentBackfill.RunAsync(db, scope.ServiceProvider.GetRequiredService<ArticleWriter>(), NullLogger.Instance, Ct);

        var documents = await db.ArticleDocuments.AsNoTracking().ToDictionaryAsync(d => d.Id, Ct);
        Assert.Equal(ids.Count, documents.Count);
        var queries = scope.ServiceProvider.GetRequiredService<ArticleQueries>();
        foreach (var id in withoutParts.Append(withoutDocument).Append(whole))
        {
            var fresh = await queries.GetAsync(id, Ct);
            Assert.NotNull(fresh);
            var (document, links) = ArticleDocumentWriter.Store(fresh);
            Assert.Equal(document.Full, documents[id].Full);
            Assert.Equal(document.LinksAt, documents[id].LinksAt);
            Assert.Equal(document.Parts, documents[id].Parts);
            Assert.Equal(document.BodyPrefix, documents[id].BodyPrefix);
            Assert.Equal(links.Links, (await db.ArticleLinksDocuments.AsNoTracking().SingleAsync(l => l.Id == id, Ct)).Links);
        }

        Assert.All(documents.Values, d => Assert.NotNull(d.Parts));
        Assert.Equal(completeBefore.Full, documents[complete].Full);
        Assert.Equal(completeBefore.FullETag, documents[complete].FullETag);
    }
}
