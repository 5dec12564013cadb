using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NewsMeta.Api.Common;

/// <summary>
/// OpenTelemetry traces, metrics and logs, exported over OTLP only when an endpoint is configured
/// (OpenTelemetry:OtlpEndpoint, or the standard OTEL_EXPORTER_OTLP_ENDPOINT): off by default, so a
/// laptop run sends nothing anywhere. The service's own meter (<see cref="NewsMetaMetrics"/>) is always
/// registered: its instruments cost nothing until a listener (this exporter, a test) subscribes.
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "newsmeta-api";

    public static IServiceCollection AddNewsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMetrics();
        services.AddSingleton<NewsMetaMetrics>();
        var endpoint = configuration["OpenTelemetry:OtlpEndpoint"] is { Length: > 0 } configured ? configured : configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return services;
        }

        var http = string.Equals(configuration["OpenTelemetry:Protocol"], "http/protobuf", StringComparison.OrdinalIgnoreCase);
        void Exporter(OtlpExporterOptions o, string signal)
        {
            o.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            // Over HTTP the exporter wants the signal's full URL when the endpoint is set in code.
            o.Endpoint = new Uri(http ? $"{endpoint.TrimEnd('/')}/v1/{signal}" : endpoint);
        }

        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceInstanceId: Environment.MachineName))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health"))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                // SQLite has no ADO.NET-level instrumentation; EF Core's diagnostics give its commands spans.
                // PostgreSQL commands already get theirs from Npgsql (with server details), so not twice.
                .AddEntityFrameworkCoreInstrumentation(o => o.Filter = (provider, _) => provider?.Contains("Sqlite", StringComparison.Ordinal) == true)
                .AddSource("GraphQL*")
                .AddOtlpExporter(o => Exporter(o, "traces")))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql")
                .AddMeter(NewsMetaMetrics.MeterName)
                .AddOtlpExporter(o => Exporter(o, "metrics")))
            // Log records keep the trace and span they were written in, so a backend shows them under the request.
            .WithLogging(l => l.AddOtlpExporter(o => Exporter(o, "logs")), o =>
            {
                o.IncludeFormattedMessage = true;
                o.IncludeScopes = true;
            });
        return services;
    }
}
