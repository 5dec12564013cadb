using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Webhooks;

/// <summary>
/// Writes the deliveries of article events, called by the article writer inside its own transaction:
/// an event is stored exactly when the change is, and a crash before the commit leaves neither. Costs
/// one query per write batch when nobody subscribes. Subscriptions whose key was revoked (or is no longer
/// configured) get no deliveries: they are paused (<see cref="WebhookOwners"/>).
/// </summary>
public sealed class WebhookOutbox(NewsDbContext db, WebhookOwners owners, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task EnqueueAsync(IReadOnlyCollection<ArticleEvent> events, CancellationToken ct)
    {
        if (events.Count == 0)
        {
            return;
        }

        var subscriptions = await db.Set<WebhookSubscription>().AsNoTracking().Select(s => new { s.Id, s.Events, s.OwnerKeyId }).ToListAsync(ct);
        if (subscriptions.Count == 0)
        {
            return;
        }

        var paused = await owners.PausedReasonsAsync(subscriptions.Select(s => s.OwnerKeyId), ct);
        subscriptions.RemoveAll(s => paused.ContainsKey(s.OwnerKeyId));

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var subscription in subscriptions)
        {
            var wanted = WebhookEvents.Split(subscription.Events);
            foreach (var e in events.Where(e => wanted.Contains(e.Event)))
            {
                db.Set<WebhookDelivery>().Add(new WebhookDelivery
                {
                    SubscriptionId = subscription.Id,
                    Event = e.Event,
                    ArticleId = e.ArticleId,
                    ExternalId = e.ExternalId,
                    Payload = JsonSerializer.Serialize(new WebhookPayload(e.Event, e.ArticleId, e.ExternalId, now, subscription.Id), Json),
                    CreatedAt = now,
                    NextAttemptAt = now,
                    Status = DeliveryStatus.Pending,
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The JSON body of a delivery.</summary>
/// <param name="Event">article.created, article.updated or article.deleted.</param>
/// <param name="ArticleId">The article's id (GET /api/v1/articles/{id}; gone for deletions).</param>
/// <param name="ExternalId">The publisher's id.</param>
/// <param name="OccurredAt">When the change was stored.</param>
/// <param name="SubscriptionId">The subscription it was sent for.</param>
public sealed record WebhookPayload(string Event, int ArticleId, string ExternalId, DateTime OccurredAt, int SubscriptionId);
