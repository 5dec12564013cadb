using NewsMeta.Api.Common.OpenApi;
using NewsMeta.Api.Common.Paging;
using NewsMeta.Api.Features.Articles;

namespace NewsMeta.Api.Features.Sections;

/// <summary>OpenAPI examples of the section endpoints: سياسة/البرلمان, the section of the budget vote (article 8).</summary>
public static class SectionExamples
{
    private static readonly Example NotFound = ProblemExamples.NotFound("No section has id 999.");

    public static SectionDto Politics { get; } = new() { Id = ArticleSamples.PoliticsSectionId, Name = "سياسة", Path = "سياسة", ParentId = null, ArticleCount = 9 };

    public static SectionDto Parliament { get; } = new()
    {
        Id = ArticleSamples.ParliamentSection.Id,
        Name = ArticleSamples.ParliamentSection.Name,
        Path = ArticleSamples.ParliamentSection.Path,
        ParentId = ArticleSamples.PoliticsSectionId,
        ArticleCount = 4,
    };

    public static OperationExamples List { get; } = new()
    {
        Responses =
        {
            [200] = new("Sections, each parent before its children", new Page<SectionDto>
            {
                Items = [Politics, Parliament],
                NextCursor = Cursor.Encode("sec", 0, Parliament.Id),
            }),
            [400] = ProblemExamples.Invalid("A limit out of range", "limit", "must be a whole number from 1 to 100"),
        },
    };

    public static OperationExamples Get { get; } = new()
    {
        Parameters = { ["id"] = Parliament.Id },
        Responses = { [200] = new("A section under سياسة", Parliament), [404] = NotFound },
    };

    public static OperationExamples Articles { get; } = new()
    {
        Parameters = { ["id"] = Politics.Id },
        Responses =
        {
            [200] = new("Articles in سياسة and its sub-sections", ArticleExamples.SummaryPage),
            [400] = ProblemExamples.Invalid("A sort the list does not offer", "sort", "must be -publishedAt or publishedAt"),
            [404] = NotFound,
        },
    };
}
