using NewsMeta.Api.Common.OpenApi;
using NewsMeta.Api.Common.Paging;

namespace NewsMeta.Api.Features.Articles;

/// <summary>OpenAPI examples of the article endpoints (ArticleEndpoints, ArticleWriteEndpoints), about <see cref="ArticleSamples"/>.</summary>
public static class ArticleExamples
{
    private static readonly Example NotFound = ProblemExamples.NotFound("No article has id 999.");

    /// <summary>A page of summaries: the shape every article list answers with (articles of an entity, keyword, source too).</summary>
    public static Page<ArticleSummaryDto> SummaryPage { get; } = new()
    {
        Items = [ArticleSamples.Summary],
        NextCursor = Cursor.Encode("a-", ArticleSamples.Summary.PublishedAt.Ticks, ArticleSamples.Summary.Id),
    };

    public static OperationExamples List { get; } = new()
    {
        Responses =
        {
            [200] = new("Articles matching every filter, newest first", SummaryPage),
            [400] = ProblemExamples.Invalid("A limit out of range", "limit", "must be a whole number from 1 to 100"),
        },
    };

    public static OperationExamples Get { get; } = new()
    {
        Parameters = { ["id"] = ArticleSamples.Full.Id },
        Responses = { [200] = new("The budget vote, in full", ArticleSamples.Full), [404] = NotFound },
    };

    public static OperationExamples GetByExternalId { get; } = new()
    {
        Parameters = { ["externalId"] = ArticleSamples.ExternalId },
        Responses =
        {
            [200] = new("The budget vote, in full", ArticleSamples.Full),
            [404] = ProblemExamples.NotFound("No article has externalId 'shorouq-2026-03-10-budget-cut'."),
        },
    };

    public static OperationExamples Links { get; } = new()
    {
        Parameters = { ["id"] = ArticleSamples.Full.Id, ["kind"] = "readAlso" },
        Responses =
        {
            [200] = new("Publisher links, then computed similar ones", ArticleSamples.Links),
            [400] = ProblemExamples.Invalid("An unknown link kind", "kind", "must be one of related, readAlso, similar"),
            [404] = NotFound,
        },
    };

    public static OperationExamples Upsert { get; } = new()
    {
        Parameters = { ["externalId"] = ArticleSamples.ExternalId },
        Request = new("One article in the interchange format", ArticleSamples.Record),
        OtherRequests =
        {
            new("Under embargo until 06:00 UTC the next morning: only keys with the write scope see it until then", ArticleSamples.EmbargoedRecord),
        },
        Responses =
        {
            [201] = new("Created: the stored article", ArticleSamples.Full),
            [200] = new("Updated: the stored article", ArticleSamples.Full),
            [400] = ProblemExamples.Invalid("A record without its publisher", "source", "is required"),
            [409] = ProblemExamples.Problem("Deleted while it was written", 409, "Conflict",
                "The article was stored, then deleted by a concurrent request before it could be read back (externalId 'shorouq-2026-03-10-budget-vote')."),
            [412] = ProblemExamples.Problem("A stale If-Match", 412, "Precondition failed",
                "The resource has changed since the ETag in If-Match; fetch it again and retry."),
        },
    };

    public static OperationExamples Delete { get; } = new()
    {
        Parameters = { ["id"] = ArticleSamples.Full.Id },
        Responses =
        {
            [404] = NotFound,
            [412] = ProblemExamples.Problem("A stale If-Match", 412, "Precondition failed",
                "The resource has changed since the ETag in If-Match; fetch it again and retry."),
        },
    };
}
