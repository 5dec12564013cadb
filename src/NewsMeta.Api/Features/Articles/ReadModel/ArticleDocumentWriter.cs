using System.Text.Json;
using Mapster;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Common.Http;
using NewsMeta.Api.Common.Json;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Articles.ReadModel;

/// <summary>
/// Renders articles' documents from the normalised tables, with the same projection GET /articles/{id}
/// computed before there were documents, so the stored bytes are the bytes it sent. Runs inside a write's
/// transaction and sees its changes.
/// </summary>
public sealed class ArticleDocumentWriter(NewsDbContext db, TypeAdapterConfig mapping)
{
    /// <summary>Documents per render statement set: bounds the rows one round of projection reads.</summary>
    private const int Chunk = 200;

    /// <summary>Renders and stores the documents of these articles (ids no longer stored are skipped).</summary>
    public async Task RenderAsync(IReadOnlyCollection<int> articleIds, CancellationToken ct)
    {
        foreach (var chunk in articleIds.Distinct().Order().Chunk(Chunk))
        {
            await RenderChunkAsync(chunk, ct);
        }
    }

    private async Task RenderChunkAsync(int[] ids, CancellationToken ct)
    {
        // Another writer may be rendering the same documents (an article it links to changed): the row locks,
        // in id order, come before the render reads, so the last to commit rendered what the other committed.
        await db.Dialect.LockRowsInOrderAsync(db, "ArticleDocuments", ids, ct);
        var articles = await Render(db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))).ToListAsync(ct);
        var documents = articles.OrderBy(a => a.Id).Select(article =>
        {
            var (full, summary, parts) = Serialize(article);
            return new ArticleDocument
            {
                Id = article.Id,
                Full = full,
                FullETag = ETags.ForBytes(full),
                Summary = summary,
                SummaryETag = ETags.ForBytes(summary),
                Parts = parts,
            };
        }).ToList();

        // Written without reading the stored documents (a document is 10-25 KB) or tracking them.
        await db.UpsertAsync(documents, ct);
    }

    /// <summary>The projection every document is rendered with (the one GET /articles/{id} used).</summary>
    public IQueryable<ArticleDto> Render(IQueryable<Article> articles) =>
        articles.AsSplitQuery().ProjectToType<ArticleDto>(mapping);

    /// <summary>
    /// The full document; serialised as the summary type, the list item (ArticleDto's own members left out);
    /// and the relations GraphQL reads (<see cref="StoredArticleParts"/>).
    /// </summary>
    public static (byte[] Full, byte[] Summary, byte[] Parts) Serialize(ArticleDto article) =>
        (JsonSerializer.SerializeToUtf8Bytes(article, NewsJson.Options),
            JsonSerializer.SerializeToUtf8Bytes<ArticleSummaryDto>(article, NewsJson.Options),
            JsonSerializer.SerializeToUtf8Bytes(StoredArticleParts.Of(article), NewsJson.Options));
}
