using NewsMeta.Api.Common.OpenApi;
using NewsMeta.Api.Common.Paging;
using NewsMeta.Api.Features.Articles;

namespace NewsMeta.Api.Features.Keywords;

/// <summary>OpenAPI examples of the keyword endpoints: موازنة 2026 (keyword 1) of the sample corpus.</summary>
public static class KeywordExamples
{
    private static readonly Example NotFound = ProblemExamples.NotFound("No keyword has id 999.");

    private static KeywordDto Budget { get; } = new() { Id = 1, Name = "موازنة 2026", ArticleCount = 2 };

    public static OperationExamples List { get; } = new()
    {
        // A prefix, and the page after المالية العامة (3 articles, id 3).
        Parameters = { ["q"] = "موازنة", ["cursor"] = Cursor.Encode("k", 3, 3) },
        Responses =
        {
            [200] = new("Keywords starting with موازنة", new Page<KeywordDto>
            {
                Items = [Budget, new() { Id = 85, Name = "موازنة 2027", ArticleCount = 1 }],
                NextCursor = null,
            }),
            [400] = ProblemExamples.Invalid("A limit out of range", "limit", "must be a whole number from 1 to 100"),
        },
    };

    public static OperationExamples Get { get; } = new()
    {
        Parameters = { ["id"] = Budget.Id },
        Responses = { [200] = new("A keyword and how many articles carry it", Budget), [404] = NotFound },
    };

    public static OperationExamples Articles { get; } = new()
    {
        Parameters = { ["id"] = Budget.Id },
        Responses =
        {
            [200] = new("Articles tagged موازنة 2026", ArticleExamples.SummaryPage),
            [400] = ProblemExamples.Invalid("A sort the list does not offer", "sort", "must be -publishedAt or publishedAt"),
            [404] = NotFound,
        },
    };
}
