using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsMeta.Api.Common;
using NewsMeta.Api.Data;

namespace NewsMeta.Api.Features.Webhooks;

/// <summary>
/// Sends due deliveries. Every instance runs one; a delivery is first claimed with a single conditional
/// UPDATE (a lease no other instance can take while it lasts), so each is sent by one instance only,
/// then POSTed, then its outcome recorded: 2xx delivered; otherwise retried with exponential backoff
/// and jitter until <see cref="WebhookOptions.MaxAttempts"/>, then failed. Redirects are not followed
/// (a receiver could point them at an internal address).
/// </summary>
/// <remarks>
/// Deliveries are sent concurrently, each on its own: up to <see cref="WebhookOptions.MaxConcurrentDeliveries"/>
/// per instance, and up to <see cref="WebhookOptions.MaxInFlightPerSubscription"/> per subscription over all
/// instances (counted by the leases in the table). Free places are handed out fairly: the subscriptions whose
/// oldest due delivery is oldest come first, one delivery each before any gets a second. A claim round never
/// waits for earlier sends, so a receiver that never answers holds its own subscription's places until its
/// timeout, and no other subscription's. With one place per subscription (the default) a subscription's
/// deliveries are sent one after another, in the order they were stored.
/// </remarks>
/// <remarks>
/// The allow-list and the owning key are checked again before each send: a subscription whose URL the
/// allow-list no longer admits, or whose key was revoked, is paused and its deliveries are failed unsent. The
/// connection itself goes through <see cref="WebhookConnector"/>, which refuses internal addresses the
/// allow-list does not name; such a delivery fails at once with the reason, without retries and without
/// anything the internal address answered.
/// </remarks>
/// <remarks>
/// A crash between the POST and the record means the same delivery is sent again after its lease ends:
/// receivers deduplicate on the X-NewsMeta-Delivery header, the one guarantee no sender can avoid needing.
/// </remarks>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, IHttpClientFactory http, WebhookUrlPolicy urls, IOptionsMonitor<WebhookOptions> options, TimeProvider clock, NewsMetaMetrics metrics, ILogger<WebhookDispatcher> log) : BackgroundService
{
    public const string HttpClientName = "webhooks";

    /// <summary>The sends under way on this instance, by delivery id; each removes itself when it has recorded its outcome.</summary>
    private readonly ConcurrentDictionary<long, Task> _inFlight = new();

    /// <summary>One claim round at a time on this instance (the loop's and a test's drain may overlap).</summary>
    private readonly SemaphoreSlim _claiming = new(1, 1);

    private DateTime _nextPrune = DateTime.MinValue;

    public override void Dispose()
    {
        _claiming.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var claimed = 0;
                if (options.CurrentValue.DispatchEnabled)
                {
                    try
                    {
                        claimed = await RunOnceAsync(stoppingToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // Database away, say: the deliveries stay pending and are tried at the next tick.
                        log.LogWarning(ex, "Webhook dispatch round failed");
                    }
                }

                // Something claimed: more may be due and places free, go on at once. Nothing: every place is
                // taken or nothing is due; a send finishing frees its place for the next tick.
                if (claimed == 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(50, options.CurrentValue.PollMilliseconds)), clock, stoppingToken);
                }
            }
        }
        finally
        {
            // Stopping cancels the sends; each ends without recording and is sent again when its lease ends.
            await Task.WhenAll(_inFlight.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>
    /// Sends every delivery due now, round after round, waiting for the sends it started, and returns how many it
    /// claimed: a deterministic drain for tests (with Webhooks:DispatchEnabled off and a fake clock) instead of
    /// waiting for the poll. A send finishing frees its place: the next round may claim its subscription's next delivery.
    /// </summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            // Taken before the round: a send that finishes while the round looks frees a place the round may
            // not have seen, so only a round that began with nothing in flight proves nothing more is due.
            var sending = _inFlight.Values.ToArray();
            var claimed = await RunOnceAsync(ct);
            total += claimed;
            if (claimed > 0)
            {
                continue;
            }

            if (sending.Length == 0)
            {
                return total;
            }

            await Task.WhenAny(sending).WaitAsync(ct);
        }
    }

    /// <summary>
    /// Claims as many due deliveries as there are free places, fairly across subscriptions, and starts sending
    /// each without waiting for it; returns how many were claimed.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await _claiming.WaitAsync(ct);
        try
        {
            var settings = options.CurrentValue;
            var free = settings.MaxConcurrentDeliveries - _inFlight.Count;
            if (free <= 0)
            {
                return 0;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var now = clock.GetUtcNow().UtcDateTime;
            var deliveries = db.Set<WebhookDelivery>();

            await PruneAsync(deliveries, now, settings, ct);
            // A read first: an idle store costs one query a tick, not a write lock (SQLite has one).
            var picked = await PickFairlyAsync(deliveries, now, free, settings.MaxInFlightPerSubscription, ct);
            if (picked.Count == 0)
            {
                return 0;
            }

            // Each delivery is sent on its own now: its lease covers one timeout, with room to record the outcome.
            var holder = Guid.NewGuid().ToString("N");
            var leaseUntil = now.AddSeconds(settings.TimeoutSeconds + 60);
            // The conditions are checked again on each row as it is updated, so of two instances racing for
            // a row only the first one's UPDATE matches it (PostgreSQL re-reads a row another transaction changed).
            var claimed = await deliveries.Where(d => picked.Contains(d.Id) && d.Status == DeliveryStatus.Pending && (d.LeaseUntil == null || d.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseHolder, holder).SetProperty(d => d.LeaseUntil, leaseUntil), ct);
            if (claimed == 0)
            {
                return 0;
            }

            var mine = await deliveries.Where(d => picked.Contains(d.Id) && d.LeaseHolder == holder).Select(d => d.Id).ToListAsync(ct);
            foreach (var id in mine.OrderBy(picked.IndexOf))
            {
                Start(id, holder, settings, ct);
            }

            return claimed;
        }
        finally
        {
            _claiming.Release();
        }
    }

    /// <summary>
    /// Up to <paramref name="free"/> due deliveries: subscriptions below their in-flight limit, the one whose oldest
    /// due delivery is oldest first, each subscription's oldest before anyone's second (round-robin).
    /// </summary>
    private static async Task<List<long>> PickFairlyAsync(DbSet<WebhookDelivery> deliveries, DateTime now, int free, int perSubscription, CancellationToken ct)
    {
        var due = deliveries.Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now));
        // Leased deliveries of every instance: a subscription with as many in flight anywhere gets no more now.
        var leased = deliveries.Where(d => d.Status == DeliveryStatus.Pending && d.LeaseUntil != null && d.LeaseUntil >= now);
        var full = leased.GroupBy(d => d.SubscriptionId).Where(g => g.Count() >= perSubscription).Select(g => g.Key);
        var heads = await due.Where(d => !full.Contains(d.SubscriptionId))
            .GroupBy(d => d.SubscriptionId).Select(g => new { Subscription = g.Key, First = g.Min(d => d.Id) })
            .OrderBy(h => h.First).Take(free).ToListAsync(ct);
        if (perSubscription == 1 || heads.Count == 0)
        {
            return heads.Select(h => h.First).ToList();
        }

        var subscriptions = heads.Select(h => h.Subscription).ToList();
        var inFlight = await leased.Where(d => subscriptions.Contains(d.SubscriptionId)).GroupBy(d => d.SubscriptionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var queues = new List<List<long>>();
        foreach (var head in heads)
        {
            var room = Math.Min(free, perSubscription - inFlight.GetValueOrDefault(head.Subscription));
            queues.Add(await due.Where(d => d.SubscriptionId == head.Subscription).OrderBy(d => d.Id).Select(d => d.Id).Take(room).ToListAsync(ct));
        }

        var picked = new List<long>();
        for (var rank = 0; picked.Count < free && queues.Any(q => q.Count > rank); rank++)
        {
            picked.AddRange(queues.Where(q => q.Count > rank).Select(q => q[rank]).Take(free - picked.Count));
        }

        return picked;
    }

    /// <summary>Starts one send and registers it in <see cref="_inFlight"/> before it can finish (and remove itself).</summary>
    private void Start(long id, string holder, WebhookOptions settings, CancellationToken ct)
    {
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _inFlight[id] = SendClaimedAsync(registered.Task, id, holder, settings, ct);
        registered.SetResult();
    }

    private async Task SendClaimedAsync(Task registered, long id, string holder, WebhookOptions settings, CancellationToken ct)
    {
        await registered;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            // Gone when its subscription was deleted meanwhile (the deliveries go with it).
            var delivery = await db.Set<WebhookDelivery>().Include(d => d.Subscription).FirstOrDefaultAsync(d => d.Id == id && d.LeaseHolder == holder, ct);
            if (delivery is null)
            {
                return;
            }

            if (await scope.ServiceProvider.GetRequiredService<WebhookOwners>().PausedReasonAsync(delivery.Subscription.OwnerKeyId, ct) is { } paused)
            {
                Refuse(delivery, paused);
            }
            else
            {
                await SendAsync(delivery, settings, ct);
            }

            await db.SaveChangesAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: not recorded, so sent again when the lease ends.
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Webhook delivery {Id} was not sent or not recorded; it is tried again when its lease ends", id);
        }
        finally
        {
            _inFlight.TryRemove(id, out _);
        }
    }

    /// <summary>Forgets delivered and failed deliveries older than Webhooks:LogDays, at most once an hour per instance.</summary>
    private async Task PruneAsync(DbSet<WebhookDelivery> deliveries, DateTime now, WebhookOptions settings, CancellationToken ct)
    {
        if (now < _nextPrune)
        {
            return;
        }

        _nextPrune = now.AddHours(1);
        var cutoff = now.AddDays(-settings.LogDays);
        // NextAttemptAt of a finished delivery is when it was last tried: the (Status, NextAttemptAt) index finds them.
        foreach (var finished in new[] { DeliveryStatus.Delivered, DeliveryStatus.Failed })
        {
            await deliveries.Where(d => d.Status == finished && d.NextAttemptAt < cutoff).ExecuteDeleteAsync(ct);
        }
    }

    private async Task SendAsync(WebhookDelivery delivery, WebhookOptions settings, CancellationToken ct)
    {
        if (urls.Check(delivery.Subscription.Url) is not null)
        {
            Refuse(delivery, WebhookSubscriptions.PausedReason);
            return;
        }

        var body = Encoding.UTF8.GetBytes(delivery.Payload);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Subscription.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSigner.Header, WebhookSigner.Sign(delivery.Subscription.Secret, body));
        var id = delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var sentAt = clock.GetUtcNow().ToUnixTimeSeconds();
        request.Headers.Add(WebhookSigner.IdHeader, id);
        request.Headers.Add(WebhookSigner.TimestampHeader, sentAt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSigner.SignatureHeader, WebhookSigner.SignStandard(delivery.Subscription.Secret, id, sentAt, body));
        request.Headers.Add("X-NewsMeta-Event", delivery.Event);
        request.Headers.Add("X-NewsMeta-Delivery", delivery.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        delivery.Attempts++;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            delivery.LastStatusCode = (int)response.StatusCode;
            delivery.LastError = response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
            if (response.IsSuccessStatusCode)
            {
                delivery.Status = DeliveryStatus.Delivered;
                delivery.DeliveredAt = clock.GetUtcNow().UtcDateTime;
                delivery.LeaseHolder = null;
                delivery.LeaseUntil = null;
                metrics.WebhookAttempt("delivered");
                return;
            }
        }
        catch (HttpRequestException ex) when (RefusedBy(ex) is { } refused)
        {
            Refuse(delivery, refused.Message);
            return;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            delivery.LastStatusCode = null;
            delivery.LastError = ex is TaskCanceledException ? $"no answer within {settings.TimeoutSeconds} s" : Truncate(ex.Message);
        }

        Retry(delivery, settings);
    }

    /// <summary>Fails the delivery for good: sending it again would be refused again.</summary>
    private void Refuse(WebhookDelivery delivery, string reason)
    {
        delivery.Status = DeliveryStatus.Failed;
        delivery.LastStatusCode = null;
        delivery.LastError = Truncate(reason);
        delivery.LeaseHolder = null;
        delivery.LeaseUntil = null;
        // When it was last looked at: the log's pruning counts from here.
        delivery.NextAttemptAt = clock.GetUtcNow().UtcDateTime;
        metrics.WebhookAttempt("refused");
        log.LogWarning("Webhook delivery {Id} to subscription {Subscription}: {Reason}", delivery.Id, delivery.SubscriptionId, reason);
    }

    private void Retry(WebhookDelivery delivery, WebhookOptions settings)
    {
        delivery.LeaseHolder = null;
        delivery.LeaseUntil = null;
        if (delivery.Attempts >= settings.MaxAttempts)
        {
            delivery.Status = DeliveryStatus.Failed;
            metrics.WebhookAttempt("failed");
            log.LogWarning("Webhook delivery {Id} to subscription {Subscription} failed after {Attempts} attempts: {Error}",
                delivery.Id, delivery.SubscriptionId, delivery.Attempts, delivery.LastError);
            return;
        }

        metrics.WebhookAttempt("retry");
        // 1, 2, 4, 8… times the base, at most an hour, each ±20 % so a receiver coming back is not hit in step.
        var seconds = Math.Min(3600, settings.RetryBaseSeconds * Math.Pow(2, delivery.Attempts - 1)) * (0.8 + Random.Shared.NextDouble() * 0.4);
        delivery.NextAttemptAt = clock.GetUtcNow().UtcDateTime.AddSeconds(seconds);
    }

    /// <summary>The connect callback's refusal, however deep the handler wrapped it.</summary>
    private static WebhookTargetRefusedException? RefusedBy(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is WebhookTargetRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }

    private static string Truncate(string message) => message.Length <= 500 ? message : message[..500];
}
