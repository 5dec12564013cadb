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
/// transaction and sees its changes. A document is stored as a frame and its links
/// (<see cref="ArticleLinksDocument"/>), so an article whose links alone changed gets only those rendered.
/// </summary>
public sealed class ArticleDocumentWriter(NewsDbContext db, TypeAdapterConfig mapping)
{
    /// <summary>Documents per render statement set: bounds the rows one round of projection reads.</summary>
    private const int Chunk = 200;

    /// <summary>Renders and stores the whole documents of these articles (ids no longer stored are skipped).</summary>
    public Task RenderAsync(IReadOnlyCollection<int> articleIds, CancellationToken ct) => RenderAsync(articleIds, [], ct);

    /// <summary>
    /// Renders the whole documents of <paramref name="whole"/>, and only the links of <paramref name="linksOnly"/>
    /// (articles whose links are all that changed: a link's target was written, or a similar list was offered a
    /// link). An article of <paramref name="linksOnly"/> whose document is not a frame yet is rendered whole.
    /// </summary>
    public async Task RenderAsync(IReadOnlyCollection<int> whole, IReadOnlyCollection<int> linksOnly, CancellationToken ct)
    {
        var wholeIds = whole.Distinct().Order().ToArray();
        var linkIds = linksOnly.Except(wholeIds).Distinct().Order().ToArray();
        // Another writer may be rendering the same documents (an article it links to changed): the row locks,
        // in id order over both sets at once, come before the render reads, so the last to commit rendered what
        // the other committed, and two writers cannot each hold a row the other waits for.
        await db.Dialect.LockRowsInOrderAsync(db, "ArticleDocuments", [.. wholeIds.Concat(linkIds).Order()], ct);

        var frames = new HashSet<int>();
        foreach (var chunk in linkIds.Chunk(Chunk * 5))
        {
            frames.UnionWith(await db.ArticleDocuments.Where(d => chunk.Contains(d.Id) && d.LinksAt != null).Select(d => d.Id).ToListAsync(ct));
        }

        foreach (var chunk in wholeIds.Concat(linkIds.Where(id => !frames.Contains(id))).Chunk(Chunk))
        {
            await RenderWholeAsync(chunk, ct);
        }

        foreach (var chunk in linkIds.Where(frames.Contains).Chunk(Chunk * 5))
        {
            await RenderLinksAsync(chunk, ct);
        }
    }

    private async Task RenderWholeAsync(int[] ids, CancellationToken ct)
    {
        var articles = await Render(db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))).ToListAsync(ct);
        var documents = new List<ArticleDocument>(articles.Count);
        var links = new List<ArticleLinksDocument>(articles.Count);
        foreach (var article in articles.OrderBy(a => a.Id))
        {
            var (document, linksDocument) = Store(article);
            documents.Add(document);
            links.Add(linksDocument);
        }

        // Written without reading the stored documents (a document is 10-25 KB) or tracking them.
        await db.UpsertAsync(documents, ct);
        await db.UpsertAsync(links, ct);
    }

    private async Task RenderLinksAsync(int[] ids, CancellationToken ct)
    {
        var links = (await db.ArticleLinks.AsNoTracking().Where(l => ids.Contains(l.ArticleId))
                .OrderBy(l => l.ArticleId).ThenBy(l => l.Position).ThenBy(l => l.Id)
                .ProjectToType<ArticleLoaders.LinkWithOwner>(mapping).ToListAsync(ct))
            .ToLookup(l => l.ArticleId, l => l.Link);
        await db.UpsertAsync([.. ids.Select(id => LinksDocument(id, [.. links[id]]))], ct);
    }

    /// <summary>The projection every document is rendered with (the one GET /articles/{id} used).</summary>
    public IQueryable<ArticleDto> Render(IQueryable<Article> articles) =>
        articles.AsSplitQuery().ProjectToType<ArticleDto>(mapping);

    /// <summary>
    /// The whole document; serialised as the summary type, the list item (ArticleDto's own members left out);
    /// and the relations GraphQL reads (<see cref="StoredArticleParts"/>). What readers get: stored, the first
    /// and the last are frames whose links are the <see cref="ArticleLinksDocument"/>'s (<see cref="Store"/>).
    /// </summary>
    public static (byte[] Full, byte[] Summary, byte[] Parts) Serialize(ArticleDto article) =>
        (JsonSerializer.SerializeToUtf8Bytes(article, NewsJson.Options),
            JsonSerializer.SerializeToUtf8Bytes<ArticleSummaryDto>(article, NewsJson.Options),
            JsonSerializer.SerializeToUtf8Bytes(StoredArticleParts.Of(article), NewsJson.Options));

    /// <summary>The rows an article is stored as: its document with the links left out, and its links.</summary>
    public static (ArticleDocument Document, ArticleLinksDocument Links) Store(ArticleDto article)
    {
        var links = LinksDocument(article.Id, article.Links);
        // The frame is the article serialised without links; the DTO is this render's own, so its list is
        // emptied for the serialisation and given back.
        var given = article.Links.ToList();
        article.Links.Clear();
        try
        {
            var (frame, summary, parts) = Serialize(article);
            return (new ArticleDocument
            {
                Id = article.Id,
                Full = frame,
                FullETag = ETags.ForBytes(frame),
                LinksAt = StoredDocumentFrame.LinksAt(frame),
                Summary = summary,
                SummaryETag = ETags.ForBytes(summary),
                Parts = parts,
                BodyPrefix = Search.SearchHighlights.Prefix(article.Body),
            }, links);
        }
        finally
        {
            article.Links.AddRange(given);
        }
    }

    private static ArticleLinksDocument LinksDocument(int id, List<ArticleLinkDto> links) => new()
    {
        Id = id,
        Links = JsonSerializer.SerializeToUtf8Bytes(links, NewsJson.Options),
        PartsLinks = JsonSerializer.SerializeToUtf8Bytes(links.Select(StoredArticleParts.WithoutReasons), NewsJson.Options),
    };
}
