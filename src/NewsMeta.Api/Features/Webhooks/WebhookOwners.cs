using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsMeta.Api.Common.Auth;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Webhooks;

/// <summary>
/// Whether a subscription's owning key still exists: a revoked stored key, or a configured key taken out of
/// configuration, pauses every subscription it made. Worked out on each use rather than stored on the
/// subscription, so there is no moment (or instance) in which a revoked key's subscription still counts as active.
/// </summary>
public sealed class WebhookOwners(NewsDbContext db, IOptionsMonitor<ApiKeyOptions> keys)
{
    public const string RevokedReason = "not sent: the subscription is paused, the API key that made it was revoked";
    public const string UnconfiguredReason = "not sent: the subscription is paused, the configured API key that made it (Auth:ApiKeys) is no longer configured";

    /// <summary>Why the owner's subscriptions are paused, or null while the owner is an active key.</summary>
    public async Task<string?> PausedReasonAsync(string ownerKeyId, CancellationToken ct) =>
        (await PausedReasonsAsync([ownerKeyId], ct)).GetValueOrDefault(ownerKeyId);

    /// <summary>The paused owners among <paramref name="ownerKeyIds"/>, each with why; one query at most.</summary>
    public async Task<Dictionary<string, string>> PausedReasonsAsync(IEnumerable<string> ownerKeyIds, CancellationToken ct)
    {
        var paused = new Dictionary<string, string>(StringComparer.Ordinal);
        var stored = new Dictionary<int, string>();
        foreach (var owner in ownerKeyIds.Distinct(StringComparer.Ordinal))
        {
            if (KeyIds.TryGetStoredRowId(owner, out var rowId))
            {
                stored[rowId] = owner;
            }
            else if (!KeyIds.TryGetConfiguredName(owner, out var name) || !keys.CurrentValue.ApiKeys.Any(k => k.Key.Length > 0 && string.Equals(k.Name, name, StringComparison.Ordinal)))
            {
                paused[owner] = UnconfiguredReason;
            }
        }

        if (stored.Count > 0)
        {
            var rowIds = stored.Keys.ToList();
            var active = await db.ApiKeys.AsNoTracking().Where(k => rowIds.Contains(k.Id) && k.RevokedAt == null).Select(k => k.Id).ToListAsync(ct);
            foreach (var (rowId, owner) in stored.Where(s => !active.Contains(s.Key)))
            {
                paused[owner] = RevokedReason;
            }
        }

        return paused;
    }
}
