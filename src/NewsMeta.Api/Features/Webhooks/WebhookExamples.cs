using NewsMeta.Api.Common.OpenApi;
using NewsMeta.Api.Common.Paging;
using NewsMeta.Api.Features.Articles;

namespace NewsMeta.Api.Features.Webhooks;

/// <summary>OpenAPI examples of the webhook endpoints: a partner's receiver subscribed to every article event.</summary>
public static class WebhookExamples
{
    private static readonly Example NotFound = ProblemExamples.NotFound("This key has no webhook subscription 999.");

    private static WebhookDto Subscription { get; } = new()
    {
        Id = 3,
        Url = "https://hooks.partner.example/newsmeta",
        Events = [WebhookEvents.Created, WebhookEvents.Updated, WebhookEvents.Deleted],
        CreatedAt = ArticleSamples.Utc(2026, 3, 1, 9, 30),
        Status = "active",
    };

    public static OperationExamples Create { get; } = new()
    {
        // Without a secret, so the answer shows the generated one; a given secret is never echoed (the answer's secret is null).
        Request = new("Every article event to the partner's receiver, with a generated secret", new WebhookRequest
        {
            Url = Subscription.Url,
            Events = [.. Subscription.Events],
        }),
        Responses =
        {
            [201] = new("Subscribed, with the generated secret (shown only here)", new CreatedWebhookDto
            {
                Id = Subscription.Id,
                Url = Subscription.Url,
                Events = Subscription.Events,
                CreatedAt = Subscription.CreatedAt,
                Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3Qv7DhfD2Nk=",
            }),
            [400] = ProblemExamples.Invalid("A receiver outside the allow-list", "url", "is not in the allow-list of webhook URLs (configuration Webhooks:AllowedUrls)"),
        },
    };

    public static OperationExamples List { get; } = new()
    {
        // WebhookSubscriptions' cursor: "w" | the last subscription id on the page before.
        Parameters = { ["cursor"] = Cursor.Encode("w", 2, 1) },
        Responses =
        {
            [200] = new("This key's subscriptions", new Page<WebhookDto> { Items = [Subscription], NextCursor = null }),
            [400] = ProblemExamples.Invalid("A cursor of another list", "cursor", "is not a cursor of this list; start again without it"),
        },
    };

    public static OperationExamples Get { get; } = new()
    {
        Parameters = { ["id"] = Subscription.Id },
        Responses = { [200] = new("One of this key's subscriptions", Subscription), [404] = NotFound },
    };

    public static OperationExamples Delete { get; } = new()
    {
        Parameters = { ["id"] = Subscription.Id },
        Responses = { [404] = NotFound },
    };

    public static OperationExamples Deliveries { get; } = new()
    {
        Parameters = { ["id"] = Subscription.Id, ["cursor"] = Cursor.Encode("wd3", 813, 1) },
        Responses =
        {
            [200] = new("A delivered event and one waiting for a retry", new Page<WebhookDeliveryDto>
            {
                Items =
                [
                    new()
                    {
                        Id = 812, Event = WebhookEvents.Updated, ArticleId = 8, ExternalId = ArticleSamples.ExternalId,
                        Status = DeliveryStatus.Pending, Attempts = 2, CreatedAt = ArticleSamples.Utc(2026, 3, 10, 12, 41),
                        NextAttemptAt = ArticleSamples.Utc(2026, 3, 10, 12, 42), LastStatusCode = 503, LastError = "HTTP 503",
                    },
                    new()
                    {
                        Id = 811, Event = WebhookEvents.Created, ArticleId = 8, ExternalId = ArticleSamples.ExternalId,
                        Status = DeliveryStatus.Delivered, Attempts = 1, CreatedAt = ArticleSamples.Utc(2026, 3, 10, 8, 16),
                        DeliveredAt = ArticleSamples.Utc(2026, 3, 10, 8, 16), LastStatusCode = 204,
                    },
                ],
                NextCursor = null,
            }),
            [400] = ProblemExamples.Invalid("A cursor of another list", "cursor", "is not a cursor of this list; start again without it"),
            [404] = NotFound,
        },
    };
}
