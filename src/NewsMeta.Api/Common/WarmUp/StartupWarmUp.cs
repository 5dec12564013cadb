using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace NewsMeta.Api.Common.WarmUp;

/// <summary>What a warm-up did: the requests it sent, how many did not answer 2xx, and how long it took.</summary>
public sealed record WarmUpOutcome(int Requests, int Failed, TimeSpan Rounds, TimeSpan Settle)
{
    public static readonly WarmUpOutcome Skipped = new(0, 0, TimeSpan.Zero, TimeSpan.Zero);
}

/// <summary>
/// Runs the main read paths in-process, <see cref="WarmUpOptions.Rounds"/> times each, once the server has
/// started, then waits for the runtime to finish recompiling what they made hot; /health/ready answers 503
/// until it has (<see cref="WarmUpHealthCheck"/>). Without it a new instance serves its first 15–20 s of load
/// at about half speed: the runtime's background compiler recompiles some 3,000 framework methods then, on the
/// same cores as the requests. A load balancer that waits for readiness sends nothing to it meanwhile.
/// </summary>
/// <remarks>
/// The requests go through the real pipeline (<see cref="WarmUpPipeline"/>), marked <see cref="WarmUpRequest"/>:
/// they touch no client's rate budget and no cached answer, and no socket. A failure is logged and ends the
/// warm-up; it never keeps the instance from becoming ready.
/// </remarks>
public sealed class StartupWarmUp(
    WarmUpPipeline pipeline, IHttpContextFactory contexts, IHostApplicationLifetime lifetime, TimeProvider clock,
    IOptions<WarmUpOptions> options, ILogger<StartupWarmUp> log) : BackgroundService
{
    /// <summary>
    /// Settled: fewer methods than this compiled in the last second. Background jobs keep compiling the odd
    /// method (a query shape seen for the first time) long after the hot paths are done.
    /// </summary>
    private const int SettledBelowPerSecond = 20;
    private readonly TaskCompletionSource<WarmUpOutcome> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the warm-up has ended, run or skipped.</summary>
    public Task<WarmUpOutcome> Completion => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled || settings.Rounds == 0)
        {
            _done.TrySetResult(WarmUpOutcome.Skipped);
            return;
        }

        try
        {
            // The pipeline is built just before the server starts; ApplicationStarted follows both.
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            {
                await started.Task.WaitAsync(stoppingToken);
            }

            var outcome = await RunAsync(pipeline.Next ?? throw new InvalidOperationException("The request pipeline was not captured (UseWarmUpCapture)."), settings, stoppingToken);
            log.LogInformation("Warm-up: {Requests} requests ({Failed} not 2xx) in {Rounds:F1} s, then {Settle:F1} s for the runtime to recompile; ready",
                outcome.Requests, outcome.Failed, outcome.Rounds.TotalSeconds, outcome.Settle.TotalSeconds);
            _done.TrySetResult(outcome);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _done.TrySetResult(WarmUpOutcome.Skipped);
        }
        catch (Exception ex)
        {
            log.LogWarning(ex, "Warm-up failed; the instance reports ready without it");
            _done.TrySetResult(WarmUpOutcome.Skipped);
        }
    }

    private async Task<WarmUpOutcome> RunAsync(RequestDelegate next, WarmUpOptions settings, CancellationToken stoppingToken)
    {
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        bounded.CancelAfter(settings.MaxDuration);
        var ct = bounded.Token;
        var watch = Stopwatch.StartNew();
        var newest = await ReadJsonAsync(next, WarmUpRequests.NewestPage, ct);
        var first = WarmUpRequests.FirstArticleId(newest) is { } id ? await ReadJsonAsync(next, WarmUpRequests.ArticlePath(id), ct) : null;
        var calls = WarmUpRequests.For(newest, first, clock.GetUtcNow());

        var total = calls.Count * settings.Rounds;
        var sent = 0;
        var failed = 0;
        try
        {
            await Parallel.ForAsync(0, total, new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = ct }, async (i, token) =>
            {
                var status = await SendAsync(next, calls[i % calls.Count], Stream.Null, token);
                Interlocked.Increment(ref sent);
                if (status is < 200 or > 299)
                {
                    Interlocked.Increment(ref failed);
                }
            });
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            log.LogWarning("Warm-up rounds stopped after {MaxDuration}; {Sent} of {Total} requests sent", settings.MaxDuration, sent, total);
        }

        var rounds = watch.Elapsed;
        await SettleAsync(settings.MaxSettle, stoppingToken);
        return new WarmUpOutcome(sent, failed, rounds, watch.Elapsed - rounds);
    }

    /// <summary>Waits until the runtime compiles next to nothing in a second, or <paramref name="limit"/> has passed.</summary>
    private static async Task SettleAsync(TimeSpan limit, CancellationToken ct)
    {
        // Real time on purpose: this waits for the runtime's compiler, not for anything the service's clock governs.
        var watch = Stopwatch.StartNew();
        var count = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (watch.Elapsed < limit)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now - count < SettledBelowPerSecond)
            {
                return;
            }

            count = now;
        }
    }

    private async Task<JsonNode?> ReadJsonAsync(RequestDelegate next, string pathAndQuery, CancellationToken ct)
    {
        using var body = new MemoryStream();
        var status = await SendAsync(next, new WarmUpCall("GET", pathAndQuery), body, ct);
        return status == StatusCodes.Status200OK && body.Length > 0 ? JsonNode.Parse(body.ToArray()) : null;
    }

    private async Task<int> SendAsync(RequestDelegate next, WarmUpCall call, Stream responseBody, CancellationToken ct)
    {
        var query = call.PathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var request = new HttpRequestFeature
        {
            Method = call.Method,
            Scheme = "http",
            Protocol = "HTTP/1.1",
            Path = query < 0 ? call.PathAndQuery : call.PathAndQuery[..query],
            QueryString = query < 0 ? string.Empty : call.PathAndQuery[query..],
            RawTarget = call.PathAndQuery,
        };
        request.Headers.Host = "localhost";
        request.Headers.Accept = "application/json";
        if (call.JsonBody is { } json)
        {
            var bytes = Encoding.UTF8.GetBytes(json);
            request.Body = new MemoryStream(bytes);
            request.Headers.ContentType = "application/json";
            request.Headers.ContentLength = bytes.Length;
        }

        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(request);
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(responseBody));
        features.Set<IHttpRequestLifetimeFeature>(new HttpRequestLifetimeFeature { RequestAborted = ct });
        features.Set<IHttpMaxRequestBodySizeFeature>(new BodySizeLimit());
        features.Set(WarmUpRequest.Instance);
        var context = contexts.Create(features);
        try
        {
            await next(context);
            await context.Response.CompleteAsync();
            return context.Response.StatusCode;
        }
        finally
        {
            contexts.Dispose(context);
        }
    }

    /// <summary>Lets the body-size limits apply as on a real server (without it each request logs that they could not).</summary>
    private sealed class BodySizeLimit : IHttpMaxRequestBodySizeFeature
    {
        public bool IsReadOnly => false;

        public long? MaxRequestBodySize { get; set; }
    }
}
