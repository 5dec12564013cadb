using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsMeta.Api.Common;
using NewsMeta.Api.Common.Paging;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Webhooks;

/// <summary>Subscriptions of one API key (by its stable id, <see cref="Common.Auth.KeyIds"/>): create, list, delete, and their delivery log (REST and GraphQL).</summary>
public sealed class WebhookSubscriptions(NewsDbContext db, WebhookUrlPolicy urls, WebhookOwners owners, IOptionsMonitor<WebhookOptions> options, TimeProvider clock)
{
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 200;

    // These pages are keyed by row id alone; a cursor's second number must still be positive to decode.
    private const int UnusedCursorId = 1;

    /// <summary>The paused subscription's reason, also the log entry of each delivery it did not send.</summary>
    public const string PausedReason = "not sent: the subscription is paused, its URL is no longer in the allow-list (Webhooks:AllowedUrls)";

    /// <summary>
    /// Validates and stores a subscription; null with <paramref name="errors"/> filled when the request is invalid.
    /// Without a secret one is generated ("whsec_" + base64) and returned here only: it is never shown again.
    /// </summary>
    public async Task<CreatedWebhookDto?> CreateAsync(string ownerKeyId, string? url, IReadOnlyList<string>? events, string? secret, QueryErrors errors, CancellationToken ct)
    {
        if (urls.Check(url) is { } urlError)
        {
            errors.Add("url", urlError);
        }

        var wanted = (events ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0)
        {
            errors.Add("events", $"is required: one or more of {string.Join(", ", WebhookEvents.All)}");
        }
        else if (wanted.FirstOrDefault(e => !WebhookEvents.All.Contains(e)) is { } unknown)
        {
            errors.Add("events", $"'{(unknown.Length > 40 ? unknown[..40] : unknown)}' is not an event; use {string.Join(", ", WebhookEvents.All)}");
        }

        if (secret is not null && CheckSecret(secret) is { } secretError)
        {
            errors.Add("secret", secretError);
        }

        if (errors.Any)
        {
            return null;
        }

        if (await db.Set<WebhookSubscription>().CountAsync(s => s.OwnerKeyId == ownerKeyId, ct) >= options.CurrentValue.MaxSubscriptionsPerKey)
        {
            errors.Add("url", $"this key already has {options.CurrentValue.MaxSubscriptionsPerKey} subscriptions (the most allowed); delete one first");
            return null;
        }

        var generated = secret is null ? WebhookSigner.GenerateSecret() : null;
        var subscription = new WebhookSubscription
        {
            Url = new Uri(url!).AbsoluteUri,
            Events = string.Join(',', WebhookEvents.All.Where(wanted.Contains)),
            Secret = generated ?? secret!,
            OwnerKeyId = ownerKeyId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(subscription);
        await db.SaveChangesAsync(ct);
        return new CreatedWebhookDto
        {
            Id = subscription.Id,
            Url = subscription.Url,
            Events = WebhookEvents.Split(subscription.Events),
            CreatedAt = subscription.CreatedAt,
            Secret = generated,
        };
    }

    /// <summary>
    /// Why a given secret cannot sign, or null. One starting with "whsec_" is read as the libraries read it
    /// (base64 after the prefix), so it must decode, and to a key of at least <see cref="MinSecretLength"/> bytes.
    /// </summary>
    private static string? CheckSecret(string secret)
    {
        if (secret.Length is < MinSecretLength or > MaxSecretLength || secret.Any(char.IsControl))
        {
            return $"must be {MinSecretLength}–{MaxSecretLength} characters, no control characters (or leave it out to get a generated one)";
        }

        if (!secret.StartsWith(WebhookSigner.KeyPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        return WebhookSigner.TryDecodePrefixed(secret, out var key) && key.Length >= MinSecretLength
            ? null
            : $"starts with {WebhookSigner.KeyPrefix}, so the rest must be base64 of a key of at least {MinSecretLength} bytes";
    }

    public async Task<Page<WebhookDto>?> ListAsync(string ownerKeyId, int limit, string? cursor, QueryErrors errors, CancellationToken ct)
    {
        var after = 0L;
        if (cursor is not null && !Cursor.TryDecode(cursor, "w", out after, out _))
        {
            errors.Add("cursor", "is not a cursor of this list; start again without it");
            return null;
        }

        var rows = await db.Set<WebhookSubscription>().AsNoTracking().Where(s => s.OwnerKeyId == ownerKeyId && s.Id > after)
            .OrderBy(s => s.Id).Take(limit + 1).ToListAsync(ct);
        var ownerPaused = await owners.PausedReasonAsync(ownerKeyId, ct);
        var items = rows.Take(limit).Select(s => ToDto(s, ownerPaused)).ToList();
        return new Page<WebhookDto> { Items = items, NextCursor = rows.Count > limit ? Cursor.Encode("w", items[^1].Id, UnusedCursorId) : null };
    }

    public async Task<WebhookDto?> GetAsync(string ownerKeyId, int id, CancellationToken ct) =>
        await db.Set<WebhookSubscription>().AsNoTracking().Where(s => s.Id == id && s.OwnerKeyId == ownerKeyId).FirstOrDefaultAsync(ct) is { } s
            ? ToDto(s, await owners.PausedReasonAsync(ownerKeyId, ct))
            : null;

    /// <summary>Deletes the subscription and its deliveries (pending ones are never sent); false when the key has no such subscription.</summary>
    public async Task<bool> DeleteAsync(string ownerKeyId, int id, CancellationToken ct) =>
        await db.Set<WebhookSubscription>().Where(s => s.Id == id && s.OwnerKeyId == ownerKeyId).ExecuteDeleteAsync(ct) > 0;

    /// <summary>The subscription's deliveries, newest first; null when the key has no such subscription.</summary>
    public async Task<Page<WebhookDeliveryDto>?> DeliveriesAsync(string ownerKeyId, int id, int limit, string? cursor, QueryErrors errors, CancellationToken ct)
    {
        var before = long.MaxValue;
        if (cursor is not null && !Cursor.TryDecode(cursor, $"wd{id}", out before, out _))
        {
            errors.Add("cursor", "is not a cursor of this list; start again without it");
            return null;
        }

        if (!await db.Set<WebhookSubscription>().AnyAsync(s => s.Id == id && s.OwnerKeyId == ownerKeyId, ct))
        {
            return null;
        }

        var rows = await db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.SubscriptionId == id && d.Id < before)
            .OrderByDescending(d => d.Id).Take(limit + 1)
            .Select(d => new WebhookDeliveryDto
            {
                Id = d.Id,
                Event = d.Event,
                ArticleId = d.ArticleId,
                ExternalId = d.ExternalId,
                Status = d.Status,
                Attempts = d.Attempts,
                CreatedAt = d.CreatedAt,
                NextAttemptAt = d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null,
                DeliveredAt = d.DeliveredAt,
                LastStatusCode = d.LastStatusCode,
                LastError = d.LastError,
            }).ToListAsync(ct);
        var items = rows.Take(limit).ToList();
        return new Page<WebhookDeliveryDto> { Items = items, NextCursor = rows.Count > limit ? Cursor.Encode($"wd{id}", items[^1].Id, UnusedCursorId) : null };
    }

    /// <summary>
    /// The status is worked out from the allow-list and the owning key on every read rather than stored: the
    /// allow-list is configuration, and a stored flag would be wrong from the moment it changes (or changes back).
    /// A revoked owner (<paramref name="ownerPaused"/>) is named first: it never changes back.
    /// </summary>
    private WebhookDto ToDto(WebhookSubscription s, string? ownerPaused)
    {
        var reason = ownerPaused ?? (urls.Check(s.Url) is not null ? PausedReason : null);
        return new()
        {
            Id = s.Id,
            Url = s.Url,
            Events = WebhookEvents.Split(s.Events),
            CreatedAt = s.CreatedAt,
            Status = reason is null ? "active" : "paused",
            PausedReason = reason,
        };
    }
}
