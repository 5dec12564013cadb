using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using NewsMeta.Soak;

// Bounded soak: N seconds of mixed reads and writes at C connections against a running NewsMeta on
// loopback. Every answer is checked against what its operation allows; 429 (rate limits on) is counted
// apart. Prints the per-operation table, server RSS at start and end, and exits 1 on any error.
var options = SoakOptions.Parse(args);
if (!options.Url.IsLoopback)
{
    Console.Error.WriteLine("soak: only loopback targets are allowed");
    return 2;
}

var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Connections, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
using var client = new HttpClient(handler) { BaseAddress = options.Url, Timeout = TimeSpan.FromSeconds(30) };
var operations = Operations.All(options.Key);
var picks = operations.SelectMany(o => Enumerable.Repeat(o, o.Weight)).ToArray();
var counts = new ConcurrentDictionary<(string Operation, string Outcome), int>();
var errors = new ConcurrentQueue<string>();
var rssStart = ServerRss(options.ServerPid);
var clock = Stopwatch.StartNew();
var deadline = TimeSpan.FromSeconds(options.Seconds);

var workers = Enumerable.Range(0, options.Connections).Select(worker => Task.Run(async () =>
{
    var random = new Random(worker);
    for (var n = 0; clock.Elapsed < deadline; n++)
    {
        var operation = picks[random.Next(picks.Length)];
        string outcome;
        try
        {
            using var response = await operation.Send(client, worker, random.Next(1_000_000));
            outcome = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (response.StatusCode != HttpStatusCode.TooManyRequests && !operation.Expected.Contains(response.StatusCode))
            {
                errors.Enqueue($"{operation.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            outcome = ex.GetType().Name;
            errors.Enqueue($"{operation.Name}: {ex.Message}");
        }

        counts.AddOrUpdate((operation.Name, outcome), 1, (_, c) => c + 1);
    }
})).ToArray();
await Task.WhenAll(workers);
var elapsed = clock.Elapsed.TotalSeconds;
var rssEnd = ServerRss(options.ServerPid);

var total = counts.Values.Sum();
var tooMany = counts.Where(c => c.Key.Outcome == "429").Sum(c => c.Value);
Console.WriteLine($"{"operation",-22} {"requests",9}  outcomes");
foreach (var group in counts.GroupBy(c => c.Key.Operation).OrderBy(g => g.Key, StringComparer.Ordinal))
{
    Console.WriteLine($"{group.Key,-22} {group.Sum(c => c.Value),9}  {string.Join(" ", group.OrderBy(c => c.Key.Outcome, StringComparer.Ordinal).Select(c => $"{c.Key.Outcome}×{c.Value}"))}");
}

foreach (var error in errors.Take(10))
{
    Console.WriteLine($"  error: {error[..Math.Min(error.Length, 300)]}");
}

Console.WriteLine($"soak: {total} requests in {elapsed:F0} s ({total / elapsed:F0}/s) at {options.Connections} connections; "
    + $"{errors.Count} errors, {tooMany} rate-limited (429); server RSS {Mb(rssStart)} at start, {Mb(rssEnd)} at end");
return errors.IsEmpty ? 0 : 1;

static long? ServerRss(int? pid)
{
    if (pid is null || !File.Exists($"/proc/{pid}/status"))
    {
        return null;
    }

    var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
    return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
}

static string Mb(long? bytes) => bytes is { } b ? $"{b / 1024.0 / 1024.0:F0} MB" : "n/a";
