using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Http;
using NewsMeta.Api.Common.Json;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Articles.ReadModel;
using NewsMeta.Api.Features.Search;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.ReadModel;

/// <summary>
/// The stored read model answers with exactly what a fresh computation from the normalised tables gives:
/// for every sample article, and after the writes that change what other articles show (an entity renamed,
/// a link target arriving, a target deleted).
/// </summary>
public sealed class ReadModelParityTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly HttpClient _reader = factory.CreateClient();
    private readonly HttpClient _writer = factory.ClientWithKey(NewsMetaFactory.WriteKey);

    [Fact]
    public async Task Every_sample_article_and_list_is_sent_as_freshly_computed()
    {
        var ids = await AssertAllArticlesAreFreshAsync();
        Assert.True(ids.Count > 10, "the sample corpus is loaded");
        Assert.Equal(ids.Count, await StoredDocumentCountAsync());
        await AssertListIsFreshAsync("/api/v1/articles?limit=7", new ArticleFilter());
        await AssertListIsFreshAsync("/api/v1/articles?limit=5&sort=publishedAt", new ArticleFilter { Ascending = true });
    }

    [Fact]
    public async Task Entity_and_keyword_lists_are_sent_as_freshly_computed_in_both_orders()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var entityId = await db.ArticleEntities.GroupBy(e => e.EntityId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync(Ct);
        var keywordId = await db.ArticleKeywords.GroupBy(k => k.KeywordId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync(Ct);

        await AssertListIsFreshAsync($"/api/v1/articles?entity={entityId}&limit=2", new ArticleFilter { EntityIds = [entityId] });
        await AssertListIsFreshAsync($"/api/v1/entities/{entityId}/articles?limit=2&sort=publishedAt", new ArticleFilter { EntityIds = [entityId], Ascending = true });
        await AssertListIsFreshAsync($"/api/v1/articles?keyword={keywordId}&limit=2", new ArticleFilter { KeywordIds = [keywordId] });
        await AssertListIsFreshAsync($"/api/v1/keywords/{keywordId}/articles?limit=2&sort=publishedAt", new ArticleFilter { KeywordIds = [keywordId], Ascending = true });
    }

    [Fact]
    public async Task Documents_follow_an_entity_rename_a_link_target_arriving_and_a_delete()
    {
        // A link to an article not stored yet: it shows the title the link was given, no targetId.
        var linking = await PutAsync("parity-linking", Record("parity-linking", "خبر يشير إلى خبر لاحق", "parity-later"));
        var before = await GetJsonAsync($"/api/v1/articles/{linking}");
        Assert.Null(before["links"]![0]!["targetId"]);

        // The target arrives: the linking article's document now shows it.
        var target = await PutAsync("parity-later", Record("parity-later", "الخبر اللاحق وقد وصل", null));
        var arrived = await GetJsonAsync($"/api/v1/articles/{linking}");
        Assert.Equal(target, arrived["links"]![0]!["targetId"]!.GetValue<int>());
        Assert.Equal("الخبر اللاحق وقد وصل", arrived["links"]![0]!["title"]!.GetValue<string>());

        // An entity the articles name is renamed: every document naming it shows the new name.
        var entityId = arrived["entities"]![0]!["id"]!.GetValue<int>();
        var rename = await _writer.PutAsJsonAsync($"/api/v1/entities/{entityId}", new { name = "هيئة التكافؤ المعاد تسميتها", type = "organization" }, Ct);
        Assert.Equal(HttpStatusCode.OK, rename.StatusCode);
        var renamed = await GetJsonAsync($"/api/v1/articles/by-external-id/parity-linking");
        Assert.Equal("هيئة التكافؤ المعاد تسميتها", renamed["entities"]![0]!["name"]!.GetValue<string>());

        // The target is deleted: the link loses its target again.
        Assert.Equal(HttpStatusCode.NoContent, (await _writer.DeleteAsync($"/api/v1/articles/{target}", Ct)).StatusCode);
        var orphaned = await GetJsonAsync($"/api/v1/articles/{linking}");
        Assert.Null(orphaned["links"]![0]!["targetId"]);

        var ids = await AssertAllArticlesAreFreshAsync();
        Assert.DoesNotContain(target, ids);
        Assert.Equal(ids.Count, await StoredDocumentCountAsync());
        await AssertListIsFreshAsync("/api/v1/articles?limit=9", new ArticleFilter());
    }

    [Fact]
    public async Task A_link_target_arriving_renders_only_the_linking_documents_links_and_a_whole_document_becomes_a_frame()
    {
        var framed = await PutAsync("frame-linking", Record("frame-linking", "خبر يشير إلى خبر سيصل", "frame-later"));
        var whole = await PutAsync("frame-linking-whole", Record("frame-linking-whole", "خبر آخر يشير إليه", "frame-later"));
        byte[] frameBefore;
        using (var scope = factory.Services.CreateScope())
        {
            // The second linking article's document as stored before links were stored apart: whole, no links row.
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            frameBefore = (await db.ArticleDocuments.AsNoTracking().SingleAsync(d => d.Id == framed, Ct)).Full;
            var computed = await scope.ServiceProvider.GetRequiredService<ArticleQueries>().GetAsync(whole, Ct);
            Assert.Equal(1, await db.ArticleDocuments.Where(d => d.Id == whole).ExecuteUpdateAsync(
                u => u.SetProperty(d => d.Full, ArticleDocumentWriter.Serialize(computed!).Full).SetProperty(d => d.LinksAt, (int?)null), Ct));
            Assert.Equal(1, await db.ArticleLinksDocuments.Where(l => l.Id == whole).ExecuteDeleteAsync(Ct));
        }

        var target = await PutAsync("frame-later", Record("frame-later", "الخبر الذي وصل", null));

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var documents = await db.ArticleDocuments.AsNoTracking().Where(d => d.Id == framed || d.Id == whole).ToDictionaryAsync(d => d.Id, Ct);
            Assert.Equal(frameBefore, documents[framed].Full);
            Assert.NotNull(documents[whole].LinksAt);
            var links = await db.ArticleLinksDocuments.AsNoTracking().Where(l => l.Id == framed || l.Id == whole).ToListAsync(Ct);
            Assert.Equal(2, links.Count);
            Assert.All(links, l => Assert.Equal(target, JsonNode.Parse(l.Links)![0]!["targetId"]!.GetValue<int>()));
        }

        foreach (var id in new[] { framed, whole })
        {
            Assert.Equal("الخبر الذي وصل", (await GetJsonAsync($"/api/v1/articles/{id}"))["links"]![0]!["title"]!.GetValue<string>());
        }

        await AssertAllArticlesAreFreshAsync();
    }

    /// <summary>Each article's GET (by id and by externalId) against the DTO computed now; returns the ids.</summary>
    private async Task<List<int>> AssertAllArticlesAreFreshAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var queries = scope.ServiceProvider.GetRequiredService<ArticleQueries>();
        var articles = await db.Articles.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.ExternalId }).ToListAsync(Ct);
        foreach (var article in articles)
        {
            var computed = await queries.GetAsync(article.Id, Ct);
            Assert.NotNull(computed);
            var fresh = JsonSerializer.SerializeToUtf8Bytes(computed, NewsJson.Options);

            // Stored as a frame and its links, the relations GraphQL pages read alongside, all as fresh.
            var (document, links) = ArticleDocumentWriter.Store(computed);
            var stored = await db.ArticleDocuments.AsNoTracking().SingleAsync(d => d.Id == article.Id, Ct);
            var storedLinks = await db.ArticleLinksDocuments.AsNoTracking().SingleAsync(l => l.Id == article.Id, Ct);
            Assert.NotNull(stored.Parts);
            Assert.Equal(System.Text.Encoding.UTF8.GetString(document.Parts!), System.Text.Encoding.UTF8.GetString(stored.Parts));
            Assert.Equal(System.Text.Encoding.UTF8.GetString(document.Full), System.Text.Encoding.UTF8.GetString(stored.Full));
            Assert.Equal(document.LinksAt, stored.LinksAt);
            Assert.Equal(document.BodyPrefix, stored.BodyPrefix);
            Assert.Equal(SearchHighlights.Prefix(computed.Body), stored.BodyPrefix);
            Assert.Equal((computed.Title, computed.Summary), StoredSummaryText.TitleAndSummary(stored.Summary));
            Assert.Equal(System.Text.Encoding.UTF8.GetString(links.Links), System.Text.Encoding.UTF8.GetString(storedLinks.Links));
            Assert.Equal(System.Text.Encoding.UTF8.GetString(links.PartsLinks!), System.Text.Encoding.UTF8.GetString(storedLinks.PartsLinks!));
            Assert.Equivalent(StoredArticleParts.Of(computed), StoredArticleParts.Parse(stored.Parts, storedLinks.PartsLinks), strict: true);
            Assert.Equivalent(StoredArticleParts.Of(computed), StoredArticleParts.Parse(stored.Parts, storedLinks.Links), strict: true);

            foreach (var url in new[] { $"/api/v1/articles/{article.Id}", $"/api/v1/articles/by-external-id/{Uri.EscapeDataString(article.ExternalId)}" })
            {
                var response = await _reader.GetAsync(url, Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
                Assert.Equal(ETags.ForBytes(fresh), response.Headers.ETag?.ToString());
                Assert.Equal(System.Text.Encoding.UTF8.GetString(fresh), await response.Content.ReadAsStringAsync(Ct));
            }
        }

        return [.. articles.Select(a => a.Id)];
    }

    /// <summary>Walks a list page by page against the pages computed now.</summary>
    private async Task AssertListIsFreshAsync(string firstPage, ArticleFilter filter)
    {
        using var scope = factory.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<ArticleQueries>();
        var limit = int.Parse(firstPage[(firstPage.IndexOf("limit=", StringComparison.Ordinal) + 6)..].Split('&')[0], System.Globalization.CultureInfo.InvariantCulture);
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = cursor is null ? firstPage : $"{firstPage}&cursor={Uri.EscapeDataString(cursor)}";
            var response = await _reader.GetAsync(url, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            var fresh = await queries.ListAsync(filter, limit, cursor, new QueryErrors(), Ct);
            Assert.NotNull(fresh);
            Assert.Equal(JsonSerializer.Serialize(fresh, NewsJson.Options), await response.Content.ReadAsStringAsync(Ct));
            Assert.Equal(fresh.NextCursor is not null, response.Headers.Contains("Link"));
            cursor = fresh.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.True(pages > 1, "the list spans several pages");
    }

    private async Task<int> StoredDocumentCountAsync()
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<NewsDbContext>().ArticleDocuments.CountAsync(Ct);
    }

    private async Task<JsonNode> GetJsonAsync(string url)
    {
        var response = await _reader.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;
    }

    private async Task<int> PutAsync(string externalId, JsonObject record)
    {
        var response = await _writer.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", record, Ct);
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["id"]!.GetValue<int>();
    }

    private static JsonObject Record(string externalId, string title, string? linkTo) => new()
    {
        ["url"] = $"https://parity.example/{externalId}",
        ["title"] = title,
        ["summary"] = "ملخص قصير",
        ["body"] = "قالت هيئة التكافؤ الوطنية إن التقرير صدر اليوم.\n\nوأضافت الهيئة أن التقرير يشمل المحافظات كلها.",
        ["language"] = "ar",
        ["publishedAt"] = "2026-11-21T09:00:00Z",
        ["source"] = new JsonObject { ["name"] = "صحيفة الشروق اليومية", ["kind"] = "newspaper" },
        ["entities"] = new JsonArray(new JsonObject { ["name"] = "هيئة التكافؤ الوطنية", ["type"] = "organization" }),
        ["links"] = linkTo is null
            ? new JsonArray()
            : new JsonArray(new JsonObject { ["externalId"] = linkTo, ["kind"] = "related", ["title"] = "عنوان معطى مع الرابط" }),
    };
}
