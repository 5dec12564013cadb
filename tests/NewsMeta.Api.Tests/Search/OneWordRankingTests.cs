using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsMeta.Api.Data;
using NewsMeta.Api.Features.Search;
using NewsMeta.Api.Tests.Infrastructure;
using NewsMeta.Text;

namespace NewsMeta.Api.Tests.Search;

/// <summary>
/// A one-word search without filters is answered from a ranking index (one row per word of the title and lead,
/// on both databases). Whatever answers it, it ranks as the general path does: the same search with a filter
/// that keeps every article ranks each match by the index itself. Edits and deletes keep the two equal.
/// </summary>
public sealed class OneWordRankingTests(NewsMetaFactory factory) : IClassFixture<NewsMetaFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // An invented word no sample article uses; it stems to itself (no clitic or suffix to strip).
    private const string Word = "سنجاروق";

    // More analysed words than the lead holds, so a word after them is matched in the body only.
    private static readonly string Filler = string.Join(' ', Enumerable.Range(0, 70).Select(i => i % 2 == 0 ? "سحابة" : "مطرقة"));

    private readonly HttpClient _writer = factory.ClientWithKey(NewsMetaFactory.WriteKey);

    [Fact]
    public async Task A_one_word_search_ranks_as_the_filtered_search_does_through_edits_and_deletes()
    {
        await PutAsync("rank-title", $"{Word} في العنوان", $"نص قصير عن الحقول. {Filler}", "2026-10-01T08:00:00Z");
        await PutAsync("rank-lead", "عنوان عن الحقول", $"في المقدمة {Word} ثم {Word} مرة أخرى. {Filler}", "2026-10-02T08:00:00Z");
        await PutAsync("rank-both", $"{Word} مرتين", $"{Word} في أول النص. {Filler}", "2026-10-03T08:00:00Z");
        await PutAsync("rank-deep-old", "عنوان آخر", $"{Filler} {Word}", "2026-10-04T08:00:00Z");
        await PutAsync("rank-deep-new", "عنوان ثالث", $"{Filler} {Word}", "2026-10-05T08:00:00Z");

        var hits = await AssertRankedAlikeAsync();
        Assert.Equal("rank-both", hits[0].ExternalId);
        Assert.Equal(["rank-both", "rank-deep-new", "rank-deep-old", "rank-lead", "rank-title"], hits.Select(h => h.ExternalId).Order());
        // Both databases rank one word by title and lead: a match deeper in the body scores 0 and follows, newest first.
        Assert.Equal(["rank-deep-new", "rank-deep-old"], hits.Skip(3).Select(h => h.ExternalId));
        Assert.All(hits.Take(3), h => Assert.True(h.Score > 0, $"{h.ExternalId} matches in its title or lead"));
        Assert.All(hits.Skip(3), h => Assert.Equal(0, h.Score));

        // The word leaves the strongest match's title and lead: it is no longer a match at all.
        await PutAsync("rank-both", "عنوان بلا الكلمة", $"نص آخر تماما. {Filler}", "2026-10-03T08:00:00Z");
        // A match deep in the body moves into the lead.
        await PutAsync("rank-deep-old", "عنوان آخر", $"{Word} في البداية الآن. {Filler}", "2026-10-04T08:00:00Z");
        hits = await AssertRankedAlikeAsync();
        Assert.Equal(["rank-deep-new", "rank-deep-old", "rank-lead", "rank-title"], hits.Select(h => h.ExternalId).Order());
        Assert.True(hits.Single(h => h.ExternalId == "rank-deep-old").Score > 0);

        var id = (await (await factory.CreateClient().GetAsync("/api/v1/articles/by-external-id/rank-title", Ct)).NodeAsync())["id"]!.GetValue<int>();
        Assert.Equal(HttpStatusCode.NoContent, (await _writer.DeleteAsync($"/api/v1/articles/{id}", Ct)).StatusCode);
        hits = await AssertRankedAlikeAsync();
        Assert.Equal(["rank-deep-new", "rank-deep-old", "rank-lead"], hits.Select(h => h.ExternalId).Order());

        // Pages of one hit walk the same order, the last without a next page.
        var walked = new List<string>();
        string? cursor = null;
        do
        {
            var page = await SearchAsync("&limit=1" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            walked.AddRange(page.Hits.Select(h => h.ExternalId));
            cursor = page.Next;
        }
        while (cursor is not null && walked.Count < 10);

        Assert.Equal(hits.Select(h => h.ExternalId), walked);
    }

    [Fact]
    public async Task The_ranking_index_holds_each_word_of_title_and_lead_with_the_score_computed_by_the_service()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var articles = await db.Articles.IgnoreQueryFilters().AsNoTracking().OrderBy(a => a.Id).Take(40)
            .Select(a => new { a.Id, a.Title, a.Summary, a.Body }).ToListAsync(Ct);
        var ids = articles.Select(a => a.Id).ToArray();
        Assert.True(articles.Count >= 10, "the sample corpus is seeded");
        var stored = await (factory.Database.IsPostgres
            ? db.Database.SqlQuery<StoredRank>($"SELECT \"ArticleId\", \"Term\", \"Score\"::float8 AS \"Score\" FROM \"ArticleSearchTerms\" WHERE \"ArticleId\" = ANY({ids})")
            : db.Database.SqlQuery<StoredRank>($"SELECT ArticleId, Term, Score FROM ArticleSearchRanks")).ToListAsync(Ct);
        // On PostgreSQL the words and scores are also held to its own analysis of the stored ranking vector and
        // to ts_rank itself, which the general path scores with.
        var postgres = factory.Database.IsPostgres
            ? await db.Database.SqlQuery<StoredRank>($"""
                SELECT s."ArticleId", t.lexeme AS "Term", ts_rank(s."Rank", quote_literal(t.lexeme)::tsquery)::float8 AS "Score"
                FROM "ArticleSearch" s, unnest(s."Rank") AS t WHERE s."ArticleId" = ANY({ids})
                """).ToListAsync(Ct)
            : null;
        foreach (var article in articles)
        {
            var title = TextAnalyzer.IndexText(article.Title);
            var lead = SearchIndex.Lead(TextAnalyzer.IndexText($"{article.Summary}\n{article.Body}"));
            var expected = OneWordScores.Of(title, lead).OrderBy(w => w.Word, StringComparer.Ordinal).ToList();
            Assert.NotEmpty(expected);
            foreach (var rows in postgres is null ? [stored] : new[] { stored, postgres })
            {
                var actual = rows.Where(r => r.ArticleId == article.Id && OneWordScores.IsOneWord(r.Term)).OrderBy(r => r.Term, StringComparer.Ordinal).ToList();
                Assert.Equal(expected.Select(w => w.Word), actual.Select(r => r.Term));
                // Exactly: a score is shown rounded to six decimals, and the filtered path ranks by ts_rank itself.
                Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First.Score, (float)pair.Second.Score));
            }
        }
    }

    private sealed class StoredRank
    {
        public int ArticleId { get; init; }
        public string Term { get; init; } = "";
        public double Score { get; init; }
    }

    /// <summary>The unfiltered search and the same search filtered to every article, compared hit by hit; returns the hits.</summary>
    private async Task<List<(string ExternalId, double Score)>> AssertRankedAlikeAsync()
    {
        var plain = await SearchAsync("&limit=50");
        var filtered = await SearchAsync("&limit=50&publishedFrom=1900-01-01T00:00:00Z");
        Assert.Equal(filtered.Hits, plain.Hits);
        return plain.Hits;
    }

    private async Task<(List<(string ExternalId, double Score)> Hits, string? Next)> SearchAsync(string parameters)
    {
        var response = await factory.CreateClient().GetAsync($"/api/v1/search?q={Uri.EscapeDataString(Word)}{parameters}", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.NodeAsync();
        var hits = page["items"]!.AsArray().Select(i => (i!["externalId"]!.GetValue<string>(), i["score"]!.GetValue<double>())).ToList();
        return (hits, page["nextCursor"]?.GetValue<string>());
    }

    private async Task PutAsync(string externalId, string title, string body, string publishedAt)
    {
        var put = await _writer.PutAsJsonAsync($"/api/v1/articles/by-external-id/{externalId}", new
        {
            url = $"https://ranking.example/{externalId}",
            title,
            body,
            language = "ar",
            publishedAt,
            source = new { name = "صحيفة الشروق اليومية", kind = "newspaper" },
        }, Ct);
        Assert.True(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync(Ct));
    }
}
