using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace NewsMeta.Api.Tests.Infrastructure;

/// <summary>A partner's webhook endpoint on loopback: records every POST and answers with the status the test chooses.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _closing = new();

    /// <summary>Completed (and replaced) each time a request is recorded: waiters wake on arrival instead of polling.</summary>
    private TaskCompletionSource _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WebhookReceiver()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        // The listener matches the Host header: a subscription to http://localhost:{port}/ is received too.
        _listener.Prefixes.Add($"http://localhost:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public string Url(string path = "hooks") => $"http://127.0.0.1:{Port}/{path}";

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>Decides the answer to the nth request (0-based); 204 unless set.</summary>
    public Func<int, HttpStatusCode> Answer { get; set; } = _ => HttpStatusCode.NoContent;

    /// <summary>
    /// Each request is recorded, then answered once this task completes: a test holds it open to play a receiver
    /// that does not answer (one at a time, as this receiver answers in turn). Disposing stops waiting for it.
    /// </summary>
    public Task Hold { get; set; } = Task.CompletedTask;

    /// <summary>
    /// Waits until <paramref name="predicate"/> holds for the requests received, or fails after the timeout.
    /// For requests a background loop sends; a test that drains the dispatcher itself reads <see cref="Requests"/>
    /// at once: each request is recorded before it is answered, so before the sender's call returns.
    /// </summary>
    public async Task<List<Received>> WaitForAsync(Func<IReadOnlyList<Received>, bool> predicate, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            Task next;
            lock (_gate)
            {
                // Taken before the snapshot: a request arriving between the two still wakes this waiter.
                next = _arrived.Task;
            }

            var seen = Requests.ToList();
            if (predicate(seen))
            {
                return seen;
            }

            var left = until - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"the receiver got {seen.Count} requests, not what the test waited for: {string.Join(" | ", seen.Select(r => r.Body))}");
            await next.WaitAsync(left, TestContext.Current.CancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _closing.Dispose();
    }

    private async Task LoopAsync()
    {
        var n = 0;
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            var status = Answer(n++);
            Requests.Enqueue(new Received(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, body, status));
            lock (_gate)
            {
                _arrived.SetResult();
                _arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            await Hold.WaitAsync(_closing.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            context.Response.StatusCode = (int)status;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public sealed record Received(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body, HttpStatusCode AnsweredWith);
}
