using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsMeta.Api.Tests.Infrastructure;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NewsMeta.Api.Tests.Service;

/// <summary>With an OTLP endpoint configured, traces, metrics and logs reach it (OTLP over HTTP, protobuf), and database commands are spans on either provider.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Traces_metrics_and_logs_are_exported_over_otlp_when_an_endpoint_is_configured()
    {
        await using var receiver = await FakeOtlpReceiver.StartAsync();
        await using (var factory = new NewsMetaFactory())
        {
            factory.Settings["OpenTelemetry:OtlpEndpoint"] = receiver.Url;
            factory.Settings["OpenTelemetry:Protocol"] = "http/protobuf";
            var client = factory.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/articles?limit=2", TestContext.Current.CancellationToken)).StatusCode);
            (await client.GraphQLAsync("{ sources(first: 1) { totalCount } }")).Data.ToString();
            // A warning through the service's own logging pipeline (the tests log Warning and above).
            factory.Services.GetRequiredService<ILogger<TelemetryTests>>().LogWarning("Telemetry test: a log record for the exporter");

            // Export now rather than on the batch timer: the assertion must not depend on timing.
            Assert.True(factory.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));
            Assert.True(factory.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));
            Assert.True(factory.Services.GetRequiredService<LoggerProvider>().ForceFlush(10_000));
        }

        Assert.Contains(receiver.Posts, p => p.Path == "/v1/traces" && p.ContentType == "application/x-protobuf" && p.Bytes > 0);
        Assert.Contains(receiver.Posts, p => p.Path == "/v1/metrics" && p.Bytes > 0);
        Assert.Contains(receiver.Posts, p => p.Path == "/v1/logs" && p.Bytes > 0);
    }

    [Fact]
    public async Task A_request_has_a_database_span_on_sqlite_as_on_postgresql()
    {
        await using var receiver = await FakeOtlpReceiver.StartAsync();
        await using var factory = new NewsMetaFactory();
        factory.Settings["OpenTelemetry:OtlpEndpoint"] = receiver.Url;
        factory.Settings["OpenTelemetry:Protocol"] = "http/protobuf";
        var client = factory.CreateClient();
        // SQLite commands get their spans from the EF Core instrumentation, PostgreSQL's from Npgsql's own.
        var (source, system) = factory.Database.IsPostgres
            ? ("Npgsql", "postgresql")
            : ("OpenTelemetry.Instrumentation.EntityFrameworkCore", "sqlite");

        // Other tests run hosts in this process too: this request's spans are those of its own trace.
        var trace = ActivityTraceId.CreateRandom();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.TraceId == trace)
                {
                    spans.Enqueue(a);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/sources");
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request, TestContext.Current.CancellationToken)).StatusCode);

        var span = spans.FirstOrDefault(s => s.Kind == ActivityKind.Client);
        Assert.True(span is not null, $"no {source} span in the request's trace");
        Assert.Equal(system, (span.GetTagItem("db.system.name") ?? span.GetTagItem("db.system"))?.ToString());
    }

    /// <summary>Accepts OTLP/HTTP posts on a free local port (a tiny Kestrel app) and remembers what arrived.</summary>
    private sealed class FakeOtlpReceiver : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FakeOtlpReceiver(WebApplication app) => _app = app;

        public ConcurrentBag<(string Path, string? ContentType, long Bytes)> Posts { get; } = [];

        public string Url => _app.Urls.First();

        public static async Task<FakeOtlpReceiver> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var receiver = new FakeOtlpReceiver(app);
            app.MapPost("/{**path}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                receiver.Posts.Add((context.Request.Path.Value!, context.Request.ContentType, body.Length));
                context.Response.ContentType = "application/x-protobuf";
            });
            await app.StartAsync();
            return receiver;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
