namespace NewsMeta.Api.Features.Webhooks;

/// <summary>A partner's subscription: where to POST which article events, and the secret that signs them.</summary>
public class WebhookSubscription
{
    public int Id { get; set; }
    public required string Url { get; set; }

    /// <summary>Event names, comma-separated (see <see cref="WebhookEvents"/>).</summary>
    public required string Events { get; set; }

    /// <summary>
    /// Kept as given: an HMAC needs the secret itself, so it cannot be hashed like an API key. It is
    /// never returned by the API.
    /// </summary>
    public required string Secret { get; set; }

    /// <summary>
    /// The stable id of the API key that made it (<see cref="Common.Auth.KeyIds"/>, never its name): only that key
    /// lists and deletes it, and revoking that key pauses it.
    /// </summary>
    public required string OwnerKeyId { get; set; }

    public DateTime CreatedAt { get; set; }
}

public enum DeliveryStatus
{
    /// <summary>Not yet delivered; tried again at <see cref="WebhookDelivery.NextAttemptAt"/>.</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Delivered,

    /// <summary>Every attempt failed; no more tries.</summary>
    Failed,
}

/// <summary>
/// One event for one subscription: the outbox row written in the same transaction as the article change,
/// so no event is lost to a crash or restart, then claimed and sent by one instance's dispatcher.
/// </summary>
public class WebhookDelivery
{
    public long Id { get; set; }
    public int SubscriptionId { get; set; }
    public WebhookSubscription Subscription { get; set; } = null!;
    public required string Event { get; set; }
    public int ArticleId { get; set; }
    public required string ExternalId { get; set; }

    /// <summary>The exact body sent (and signed) on every attempt.</summary>
    public required string Payload { get; set; }

    public DateTime CreatedAt { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }

    /// <summary>Which dispatcher holds the delivery, until when: a claim no other instance can take while it lasts.</summary>
    public string? LeaseHolder { get; set; }

    public DateTime? LeaseUntil { get; set; }
}
