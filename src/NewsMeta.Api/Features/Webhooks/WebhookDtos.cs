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

    /// <summary>
    /// Optional: 16–200 characters; signs every delivery. "whsec_" + base64 is a base64 key (as the Standard Webhooks
    /// libraries read it); anything else is keyed with its UTF-8 bytes. Left out, one is generated and returned once.
    /// Never returned when given.
    /// </summary>
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
    /// active, or paused when the current allow-list (Webhooks:AllowedUrls) no longer admits the URL, or when the
    /// API key that made it was revoked: its deliveries are then failed unsent. It is active again once the
    /// allow-list admits the URL again; a revocation is final.
    /// </summary>
    /// <example>active</example>
    public required string Status { get; init; }

    /// <summary>Why the subscription is paused; null when active.</summary>
    /// <example>null</example>
    public string? PausedReason { get; init; }
}

/// <summary>The answer to POST /api/v1/webhooks: the subscription, and its secret if the server generated it.</summary>
public sealed class CreatedWebhookDto
{
    /// <example>3</example>
    public int Id { get; init; }

    /// <example>https://hooks.partner.example/newsmeta</example>
    public required string Url { get; init; }

    /// <example>["article.created", "article.deleted"]</example>
    public required IReadOnlyList<string> Events { get; init; }

    public DateTime CreatedAt { get; init; }

    /// <summary>"active": a subscription is created only for a URL the allow-list accepts now.</summary>
    /// <example>active</example>
    public string Status { get; init; } = "active";

    /// <summary>The generated secret ("whsec_" + base64 of 32 random bytes), shown this once: store it. Null when the request gave one.</summary>
    /// <example>whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw3Qv7DhfD2Nk=</example>
    public string? Secret { get; init; }

    /// <summary>The subscription as every later read shows it (without the secret).</summary>
    public WebhookDto ToWebhook() => new() { Id = Id, Url = Url, Events = Events, CreatedAt = CreatedAt, Status = Status };
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
