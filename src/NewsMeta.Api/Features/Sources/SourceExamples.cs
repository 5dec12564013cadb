using NewsMeta.Api.Common.OpenApi;
using NewsMeta.Api.Common.Paging;
using NewsMeta.Api.Features.Articles;

namespace NewsMeta.Api.Features.Sources;

/// <summary>OpenAPI examples of the source endpoints: صحيفة الشروق اليومية (source 1) and وكالة زهران للأنباء (source 2).</summary>
public static class SourceExamples
{
    private static readonly Example NotFound = ProblemExamples.NotFound("No source has id 999.");

    private static SourceDto Shorouq { get; } = new() { Id = 1, Name = "صحيفة الشروق اليومية", Kind = SourceKind.Newspaper, ArticleCount = 13 };

    public static OperationExamples List { get; } = new()
    {
        // The page after موقع الأفق الإخباري (14 articles, id 3).
        Parameters = { ["limit"] = 2, ["cursor"] = Cursor.Encode("s", 14, 3) },
        Responses =
        {
            [200] = new("Publishers by article count", new Page<SourceDto>
            {
                Items = [Shorouq, new() { Id = 5, Name = "قناة المدار", Kind = SourceKind.Broadcaster, ArticleCount = 12 }],
                NextCursor = Cursor.Encode("s", 12, 5),
            }),
            [400] = ProblemExamples.Invalid("A cursor of another list", "cursor", "is not a cursor of this list; start again without it"),
        },
    };

    public static OperationExamples Get { get; } = new()
    {
        Parameters = { ["id"] = Shorouq.Id },
        Responses = { [200] = new("A newspaper", Shorouq), [404] = NotFound },
    };

    public static OperationExamples Articles { get; } = new()
    {
        Parameters = { ["id"] = Shorouq.Id },
        Responses =
        {
            [200] = new("Articles صحيفة الشروق اليومية published", ArticleExamples.SummaryPage),
            [400] = ProblemExamples.Invalid("A language that is not a tag", "language", "must be a language tag such as ar or en"),
            [404] = NotFound,
        },
    };

    public static OperationExamples CreditedArticles { get; } = new()
    {
        Parameters = { ["id"] = 2 },
        Responses =
        {
            [200] = new("Articles crediting وكالة زهران للأنباء", ArticleExamples.SummaryPage),
            [400] = ProblemExamples.Invalid("A language that is not a tag", "language", "must be a language tag such as ar or en"),
            [404] = NotFound,
        },
    };
}
