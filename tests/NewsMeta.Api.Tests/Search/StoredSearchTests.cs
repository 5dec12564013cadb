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
    public async Task Search_page_is_one_statement_after_the_catalogue_check(int limit)
    {
        // The catalogue check is SearchVariants' freshness check of the cached entity matcher (one row);
        // "الموازنة" names no catalogue entity, so no spellings are looked up.
        var url = $"/api/v1/search?q={Uri.EscapeDataString("الموازنة")}&limit={limit}";
        Assert.Equal(HttpStatusCode.OK, (await _reader.GetAsync(url, Ct)).StatusCode); // warm the connection and EF's query cache
        factory.Sql.Reset();
        var response = await _reader.GetAsync(url, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, factory.Sql.Count);
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
            using var scope = factory.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            await scope.ServiceProvider.GetRequiredService<ArticleDocumentWriter>().RenderAsync([id], Ct);
            await transaction.CommitAsync(Ct);
        }

        Assert.Contains($"\"id\":{id},", await AssertPageIsFreshAsync("الخيول", "", 20, null), StringComparison.Ordinal);
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
