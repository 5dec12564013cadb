using NewsMeta.Api.Common.OpenApi;
using NewsMeta.Api.Common.Paging;
using NewsMeta.Api.Features.Articles;

namespace NewsMeta.Api.Features.Changes;

/// <summary>OpenAPI examples of GET /changes: the budget vote updated, then an archived article deleted.</summary>
public static class ChangeExamples
{
    // ChangeFeed's tokens: "chg" | ticks of the change | position (article id × 2 + kind).
    private static string Token(DateTime at, int articleId, int kind) => Cursor.Encode("chg", at.Ticks, (articleId << 1) | kind);

    public static OperationExamples List { get; } = new()
    {
        Parameters = { ["since"] = Token(ArticleSamples.Utc(2026, 3, 10, 12, 0), 7, 0) },
        Responses =
        {
            [200] = new("An update with the whole article, and a deletion", new ChangePage
            {
                Items =
                [
                    new ChangeDto { Change = "updated", Id = 8, ExternalId = ArticleSamples.ExternalId, At = ArticleSamples.Full.ChangedAt, Article = ArticleSamples.Full },
                    new ChangeDto { Change = "deleted", Id = 23, ExternalId = "shorouq-2026-05-27-correction-exports", At = ArticleSamples.Utc(2026, 5, 28, 9, 5) },
                ],
                NextSince = Token(ArticleSamples.Utc(2026, 5, 28, 9, 5), 23, 1),
            }),
            [400] = ProblemExamples.Invalid("A token of another list", "since", "is not a token of this feed; start again without it"),
            [410] = ProblemExamples.Problem("A token older than the kept deletions", 410, "Token expired",
                "The since token is older than the deletions this store keeps. Re-sync from GET /api/v1/articles/export, then poll from a new token."),
        },
    };
}
