namespace NewsMeta.Api.Features.Webhooks;

/// <summary>Body of POST /api/v1/webhooks.</summary>
public sealed class WebhookRequest
{
    /// <summary>Where to POST: http(s), under a prefix of the server's allow-list (Webhooks:AllowedUrls).</summary>
    /// <example>https://hooks.partner.example/newsmeta</example>
    public string? Url { get; init; }

    /// <summary>Any of article.created, article.updated, article.deleted.</summary>
    /// <example>["article.created", "article.updated", "article.deleted"]</example>
    public List<string>? Events { get; init; }

    /// <summary>16–200 characters; signs every delivery (X-NewsMeta-Signature). Never returned.</summary>
    /// <example>a-long-random-secret-of-the-partner</example>
    public string? Secret { get; init; }
}

/// <summary>A subscription (its secret is never shown).</summary>
public sealed class WebhookDto
{
    /// <example>3</example>
    public int Id { get; init; }

    /// <example>https://hooks.partner.example/newsmeta</example>
    public required string Url { get; init; }

    /// <example>["article.created", "article.deleted"]</example>
    public required IReadOnlyList<string> Events { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>
    /// active, or paused when the current allow-list (Webhooks:AllowedUrls) no longer admits the URL: its
    /// deliveries are then failed unsent. It is active again once the allow-list admits the URL again.
    /// </summary>
    /// <example>active</example>
    public required string Status { get; init; }

    /// <summary>Why the subscription is paused; null when active.</summary>
    /// <example>null</example>
    public string? PausedReason { get; init; }
}

/// <summary>One delivery of an event to a subscription, with its outcome so far.</summary>
public sealed class WebhookDeliveryDto
{
    /// <summary>Also sent as X-NewsMeta-Delivery, so a receiver can drop a repeat.</summary>
    /// <example>812</example>
    public long Id { get; init; }

    /// <example>article.updated</example>
    public required string Event { get; init; }

    /// <example>12</example>
    public int ArticleId { get; init; }

    /// <example>ofuq-2026-04-02-central-bank-rates</example>
    public required string ExternalId { get; init; }

    /// <summary>pending (to be tried at nextAttemptAt), delivered (a 2xx answer) or failed (every attempt failed).</summary>
    /// <example>delivered</example>
    public DeliveryStatus Status { get; init; }

    /// <example>1</example>
    public int Attempts { get; init; }

    public DateTime CreatedAt { get; init; }
    public DateTime? NextAttemptAt { get; init; }
    public DateTime? DeliveredAt { get; init; }

    /// <summary>The receiver's last HTTP status, if it answered.</summary>
    /// <example>204</example>
    public int? LastStatusCode { get; init; }

    /// <example>HTTP 503</example>
    public string? LastError { get; init; }
}
