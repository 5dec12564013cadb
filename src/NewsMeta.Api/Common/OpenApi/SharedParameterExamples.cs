using NewsMeta.Api.Common.Paging;

namespace NewsMeta.Api.Common.OpenApi;

/// <summary>
/// Examples of the parameters many operations share: the article-list filters, sorting and paging. Swagger UI
/// fills "Try it out" with them, so together they make a request that answers: in the sample corpus, article 8
/// (the budget vote, published 2026-03-10 by صحيفة الشروق اليومية (source 1), credited to وكالة زهران للأنباء
/// (source 2), tagged موازنة 2026 (keyword 1), mentioning يوسف الحداد (entity 1), signed by سلمى الرفاعي (person
/// entity 61) and filed under سياسة/البرلمان, a sub-section of سياسة (section 1)) matches all of them.
/// An operation overrides any of them with its own (<see cref="OperationExamples.Parameters"/>).
/// </summary>
public static class SharedParameterExamples
{
    public static IReadOnlyDictionary<string, object> ByName { get; } = new Dictionary<string, object>
    {
        ["entity"] = new[] { 1 },
        ["keyword"] = new[] { 1 },
        ["source"] = new[] { 1 },
        ["credit"] = new[] { 2 },
        ["byline"] = new[] { 61 },
        ["section"] = new[] { 1 },
        ["isRepublication"] = true,
        ["language"] = "ar",
        ["publishedFrom"] = "2026-03-01T00:00:00Z",
        ["publishedTo"] = "2026-04-01T00:00:00Z",
        ["updatedSince"] = "2026-01-01T00:00:00Z",
        ["sort"] = "-publishedAt",
        ["limit"] = 20,
        // A next-page cursor of a newest-first article list, positioned before everything the sample corpus holds
        // ("a-" is ArticleQueries' scope for that order; a cursor of another list or order is a 400).
        ["cursor"] = ArticleListCursor,
    };

    private static string ArticleListCursor => Cursor.Encode("a-", new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc).Ticks, 54);
}
