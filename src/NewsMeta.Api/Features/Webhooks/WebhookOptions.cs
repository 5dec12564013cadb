using System.ComponentModel.DataAnnotations;

namespace NewsMeta.Api.Features.Webhooks;

/// <summary>Configuration section "Webhooks".</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// URL prefixes subscriptions may target, e.g. "https://hooks.partner.example/newsmeta/". Scheme, host
    /// and port must be equal and the path must start with the prefix's path; ":*" as the port allows any
    /// port (for loopback receivers in Development). Empty: no subscription can be made.
    /// </summary>
    public List<string> AllowedUrls { get; set; } = [];

    /// <summary>Set false to stop this instance sending (another instance, or a later start, sends what is pending).</summary>
    public bool DispatchEnabled { get; set; } = true;

    /// <summary>How often the dispatcher looks for due deliveries.</summary>
    [Range(10, 3_600_000)]
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>Attempts before a delivery is marked failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry after this long; each later one waits twice as long (with jitter), at most an hour.</summary>
    [Range(0.001, 86_400.0)]
    public double RetryBaseSeconds { get; set; } = 10;

    /// <summary>How long a receiver may take to answer.</summary>
    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// Deliveries one instance sends at the same time, across all subscriptions. Free places go to the
    /// subscriptions whose oldest due delivery is oldest, one subscription after another, so a receiver that
    /// never answers holds only its own places.
    /// </summary>
    [Range(1, 1000)]
    public int MaxConcurrentDeliveries { get; set; } = 32;

    /// <summary>
    /// Deliveries of one subscription in flight at the same time, counted over every instance (by their leases).
    /// 1 (the default) sends each subscription's deliveries one after another in the order they were stored; more
    /// sends faster to a receiver that can take it, but the receiver may then see them out of order.
    /// </summary>
    [Range(1, 100)]
    public int MaxInFlightPerSubscription { get; set; } = 1;

    /// <summary>How long delivered and failed deliveries stay in the log.</summary>
    [Range(1, 3650)]
    public int LogDays { get; set; } = 30;

    /// <summary>Subscriptions per API key.</summary>
    [Range(1, 10_000)]
    public int MaxSubscriptionsPerKey { get; set; } = 20;
}
