using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsMeta.Api.Common.Json;
using NewsMeta.Api.Common.Paging;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Articles;
using NewsMeta.Api.Features.Articles.ReadModel;
using NewsMeta.Api.Features.Search;
using NewsMeta.Api.Tests.Infrastructure;

namespace NewsMeta.Api.Tests.Search;

/// <summary>
/// REST search answers from the stored read model in one statement, with exactly the bytes the page
/// computed from the normalised tables serialises to (and computes that page while a hit's document is missing).
/// </summary>
public sealed class StoredSearchTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly HttpClient _reader = factory.CreateClient();
    private readonly HttpClient _writer = factory.ClientWithKey(NewsMetaFactory.WriteKey);

    [Theory]
    [InlineData(5)]
    [InlineData(100)]
    public async Task Search_page_is_one_statement_when_its_words_name_no_entity(int limit)
    {
        // "الموازنة" names no catalogue entity: the page statement itself checks the catalogue version the
        // cached matcher was checked under, so neither the separate check nor the spellings are read.
        var url = $"/api/v1/search?q={Uri.EscapeDataString("الموازنة")}&limit={limit}";
        Assert.Equal(HttpStatusCode.OK, (await _reader.GetAsync(url, Ct)).StatusCode); // warm the connection, EF's query cache and the matcher
        factory.Sql.Reset();
        var response = await _reader.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, factory.Sql.Count);
    }

    [Theory]
    [InlineData("الموازنة", "", 2)]
    [InlineData("bank", "&language=en", 1)]
    [InlineData("\"المصرف المركزي\"", "", 3)]
    [InlineData("زهران", "", 4)]
    public async Task Search_pages_are_sent_as_computed_from_the_tables(string q, string filters, int limit)
    {
        var pages = await AssertPagesAreFreshAsync(q, filters, limit);
        Assert.True(pages > 1, "the search spans several pages");
    }

    [Fact]
    public async Task A_hit_without_its_stored_document_is_computed_from_the_tables()
    {
        var put = await _writer.PutAsJsonAsync("/api/v1/articles/by-external-id/stored-search-missing", new
        {
            url = "https://stored-search.example/missing",
            title = "مزاد الخيول العربية الأصيلة",
            summary = "مزاد سنوي",
            body = "أقيم مزاد الخيول العربية الأصيلة في الميدان الكبير بحضور مربين من المنطقة.",
            language = "ar",
            publishedAt = "2026-11-25T10:00:00Z",
            source = new { name = "صحيفة الشروق اليومية", kind = "newspaper" },
        }, Ct);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Ct));
        var id = (await put.NodeAsync())["id"]!.GetValue<int>();

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            Assert.Equal(1, await db.ArticleDocuments.Where(d => d.Id == id).ExecuteDeleteAsync(Ct));
        }

        try
        {
            var body = await AssertPageIsFreshAsync("الخيول", "", 20, null);
            Assert.Contains($"\"id\":{id},", body, StringComparison.Ordinal);
        }
        finally
        {
            await RenderDocumentsAsync([id]);
        }

        Assert.Contains($"\"id\":{id},", await AssertPageIsFreshAsync("الخيول", "", 20, null), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hits_whose_documents_lack_the_body_prefix_are_highlighted_from_the_articles()
    {
        // Documents rendered by a build from before the stored prefix: the page reads those articles' text instead.
        List<int> cleared;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            cleared = await db.ArticleDocuments.OrderBy(d => d.Id).Select(d => d.Id).Take(40).ToListAsync(Ct);
            Assert.Equal(cleared.Count, await db.ArticleDocuments.Where(d => cleared.Contains(d.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.BodyPrefix, (string?)null), Ct));
        }

        try
        {
            await AssertPagesAreFreshAsync("الموازنة", "", 3);
            await AssertPagesAreFreshAsync("زهران", "", 4);
        }
        finally
        {
            await RenderDocumentsAsync(cleared);
        }
    }

    /// <summary>Renders these articles' documents again, as the write pipeline does, in a transaction of its own.</summary>
    private async Task RenderDocumentsAsync(IReadOnlyCollection<int> ids)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        await scope.ServiceProvider.GetRequiredService<ArticleDocumentWriter>().RenderAsync(ids, Ct);
        await transaction.CommitAsync(Ct);
    }

    [Fact]
    public async Task Highlights_of_long_bodies_are_made_as_from_the_whole_text()
    {
        // Bodies longer than the part read with a page: a match early in it, one far past it, and one in the
        // title alone. The last two cannot be told from the first part, and their whole bodies are read.
        var filler = string.Join(' ', Enumerable.Repeat("كان الطقس معتدلا في المدينة القديمة طوال الأسبوع", 120));
        var articles = new Dictionary<string, (string Title, string Body)>
        {
            ["long-body-early"] = ("أخبار الطرق الصحراوية", "القوافل تصل مبكرا هذا العام. " + filler),
            ["long-body-late"] = ("تقرير عن الطرق الطويلة", filler + " ثم وصلت القوافل إلى الواحة مساء. " + filler),
            ["long-body-title"] = ("القوافل في العنوان وحده", filler),
        };
        var ids = new Dictionary<int, (string Title, string Body)>();
        foreach (var (externalId, (title, body)) in articles)
        {
            var put = await _writer.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", new
            {
                url = $"https://stored-search.example/{externalId}",
                title,
                summary = "ملخص الرحلة",
                body,
                language = "ar",
                publishedAt = "2026-11-26T10:00:00Z",
                source = new { name = "صحيفة الشروق اليومية", kind = "newspaper" },
            }, Ct);
            Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Ct));
            ids[(await put.NodeAsync())["id"]!.GetValue<int>()] = (title, body);
        }

        Assert.All(articles.Values, a => Assert.True(a.Body.Length > 2 * SearchHighlights.BodyPrefixLength));
        var page = JsonDocument.Parse(await AssertPageIsFreshAsync("القوافل", "", 20, null)).RootElement.GetProperty("items");
        var stems = NewsMeta.Text.SearchQuery.Parse("القوافل").Stems;
        var snippets = new Dictionary<string, string>();
        foreach (var item in page.EnumerateArray())
        {
            if (ids.TryGetValue(item.GetProperty("id").GetInt32(), out var article))
            {
                var expected = SearchHighlights.Whole(stems, article.Title, "ملخص الرحلة", article.Body);
                Assert.Equal(expected.Body, item.GetProperty("highlights").GetProperty("body").GetString());
                Assert.Equal(expected.Title, item.GetProperty("highlights").GetProperty("title").GetString());
                snippets[article.Title] = expected.Body;
            }
        }

        Assert.Equal(3, snippets.Count);
        Assert.Contains("<mark>القوافل</mark> إلى الواحة", snippets["تقرير عن الطرق الطويلة"], StringComparison.Ordinal);
        Assert.DoesNotContain("<mark>", snippets["القوافل في العنوان وحده"], StringComparison.Ordinal);
    }

    /// <summary>Walks a search page by page against the pages computed from the tables; returns the page count.</summary>
    private async Task<int> AssertPagesAreFreshAsync(string q, string filters, int limit)
    {
        string? cursor = null;
        var pages = 0;
        do
        {
            var body = await AssertPageIsFreshAsync(q, filters, limit, cursor);
            cursor = JsonDocument.Parse(body).RootElement.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null);

        return pages;
    }

    /// <summary>One page over HTTP against the page computed now the way search answered before the read model; returns it.</summary>
    private async Task<string> AssertPageIsFreshAsync(string q, string filters, int limit, string? cursor)
    {
        var url = $"/api/v1/search?q={Uri.EscapeDataString(q)}&limit={limit}{filters}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
        var response = await _reader.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var body = await response.Content.ReadAsStringAsync(Ct);

        using var scope = factory.Services.CreateScope();
        var services = scope.ServiceProvider;
        var query = await services.GetRequiredService<SearchVariants>().ExpandAsync(q, NewsMeta.Text.SearchQuery.Parse(q), Ct);
        var filter = new ArticleFilter { Language = filters.Contains("language=en", StringComparison.Ordinal) ? "en" : null };
        var offset = cursor is null ? 0 : SearchCursor.Decode(cursor, new NewsMeta.Api.Common.QueryErrors());
        var queries = services.GetRequiredService<SearchQueries>();
        var ranked = await queries.RankAsync(query, filter, limit, offset, Ct);
        var next = ranked.HasMore ? SearchCursor.Encode(offset + limit) : null;
        var computed = new Page<SearchResultDto> { Items = await queries.SummariesAsync(ranked, Ct), NextCursor = next };
        Assert.NotEmpty(computed.Items);
        Assert.Equal(JsonSerializer.Serialize(computed, NewsJson.Options), body);
        Assert.Equal(next is not null, response.Headers.Contains("Link"));
        return body;
    }
}
