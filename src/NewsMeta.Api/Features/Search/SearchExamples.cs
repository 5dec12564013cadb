using NewsMeta.Api.Common.OpenApi;
using NewsMeta.Api.Common.Paging;
using NewsMeta.Api.Features.Articles;

namespace NewsMeta.Api.Features.Search;

/// <summary>OpenAPI examples of GET /search: the word موازنة (budget) finds the budget vote, also where the text says لموازنة.</summary>
public static class SearchExamples
{
    private static SearchResultDto BudgetVote { get; } = new()
    {
        Id = ArticleSamples.Summary.Id,
        ExternalId = ArticleSamples.Summary.ExternalId,
        Slug = ArticleSamples.Summary.Slug,
        Url = ArticleSamples.Summary.Url,
        Title = ArticleSamples.Summary.Title,
        Summary = ArticleSamples.Summary.Summary,
        Language = ArticleSamples.Summary.Language,
        PublishedAt = ArticleSamples.Summary.PublishedAt,
        UpdatedAt = ArticleSamples.Summary.UpdatedAt,
        ChangedAt = ArticleSamples.Summary.ChangedAt,
        Source = ArticleSamples.Shorouq,
        Credits = [ArticleSamples.ZahranAgency],
        Keywords = ArticleSamples.Keywords,
        Score = 2.5183,
        Highlights = new SearchHighlightsDto
        {
            Title = "البرلمان يقر <mark>موازنة</mark> 2026 بعد جلسة ماراثونية",
            Body = "أقرّ برلمان زهران، فجر اليوم الثلاثاء، قانون <mark>الموازنة</mark> العامة لعام 2026 بأغلبية 71 نائباً …",
        },
    };

    public static OperationExamples Search { get; } = new()
    {
        // The second page of 20 (search cursors are offsets).
        Parameters = { ["q"] = "موازنة", ["cursor"] = SearchCursor.Encode(20) },
        Responses =
        {
            [200] = new("Ranked matches with highlighted snippets", new Page<SearchResultDto>
            {
                Items = [BudgetVote],
                NextCursor = null,
            }),
            [400] = ProblemExamples.Invalid("No query", "q", "is required"),
        },
    };
}
