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
/// The allow-list is checked again before each send: a subscription whose URL it no longer admits is paused
/// and its deliveries are failed unsent. The connection itself goes through <see cref="WebhookConnector"/>,
/// which refuses internal addresses the allow-list does not name; such a delivery fails at once with the
/// reason, without retries and without anything the internal address answered.
/// </remarks>
/// <remarks>
/// A crash between the POST and the record means the same delivery is sent again after its lease ends:
/// receivers deduplicate on the X-NewsMeta-Delivery header, the one guarantee no sender can avoid needing.
/// </remarks>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, IHttpClientFactory http, WebhookUrlPolicy urls, IOptionsMonitor<WebhookOptions> options, TimeProvider clock, NewsMetaMetrics metrics, ILogger<WebhookDispatcher> log) : BackgroundService
{
    public const string HttpClientName = "webhooks";
    private const int Batch = 20;

    private DateTime _nextPrune = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var sent = 0;
            if (options.CurrentValue.DispatchEnabled)
            {
                try
                {
                    sent = await RunOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Database away, say: the deliveries stay pending and are tried at the next tick.
                    log.LogWarning(ex, "Webhook dispatch round failed");
                }
            }

            // A full batch means more may be due: go on at once.
            if (sent < Batch)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(50, options.CurrentValue.PollMilliseconds)), clock, stoppingToken);
            }
        }
    }

    /// <summary>
    /// Sends every delivery due now, round after round, and returns how many it claimed: a deterministic
    /// drain for tests (with Webhooks:DispatchEnabled off and a fake clock) instead of waiting for the poll.
    /// </summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var total = 0;
        for (int claimed; (claimed = await RunOnceAsync(ct)) > 0;)
        {
            total += claimed;
        }

        return total;
    }

    /// <summary>Claims up to one batch of due deliveries, sends them, records the outcomes; returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow().UtcDateTime;
        var holder = Guid.NewGuid().ToString("N");
        // Long enough for the whole batch to time out one by one: the lease must not end while this instance still sends.
        var leaseUntil = now.AddSeconds((settings.TimeoutSeconds * Batch) + 30);
        var deliveries = db.Set<WebhookDelivery>();

        await PruneAsync(deliveries, now, settings, ct);
        // A read first: an idle store costs an index lookup a tick, not a write lock (SQLite has one).
        var due = await deliveries.Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
            .OrderBy(d => d.Id).Select(d => d.Id).Take(Batch).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }

        // The conditions are checked again on each row as it is updated, so of two instances racing for
        // a row only the first one's UPDATE matches it (PostgreSQL re-reads a row another transaction changed).
        var claimed = await deliveries.Where(d => due.Contains(d.Id) && d.Status == DeliveryStatus.Pending && (d.LeaseUntil == null || d.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseHolder, holder).SetProperty(d => d.LeaseUntil, leaseUntil), ct);
        if (claimed == 0)
        {
            return 0;
        }

        var mine = await deliveries.Include(d => d.Subscription).Where(d => due.Contains(d.Id) && d.LeaseHolder == holder).OrderBy(d => d.Id).ToListAsync(ct);
        foreach (var delivery in mine)
        {
            await SendAsync(delivery, settings, ct);
            // Recorded one by one: a crash mid-batch re-sends only what was not recorded.
            await db.SaveChangesAsync(ct);
        }

        return claimed;
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
        log.LogWarning("Webhook delivery {Id} to subscription {Subscription} not sent: {Reason}", delivery.Id, delivery.SubscriptionId, reason);
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
