using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NewsMeta.Api.Common;

/// <summary>
/// OpenTelemetry traces and metrics, exported over OTLP only when an endpoint is configured
/// (OpenTelemetry:OtlpEndpoint, or the standard OTEL_EXPORTER_OTLP_ENDPOINT): off by default, so a
/// laptop run sends nothing anywhere.
/// </summary>
public static class Telemetry
{
    public const string ServiceName = "newsmeta-api";

    public static IServiceCollection AddNewsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
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
                .AddSource("GraphQL*")
                .AddOtlpExporter(o => Exporter(o, "traces")))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql")
                .AddOtlpExporter(o => Exporter(o, "metrics")));
        return services;
    }
}
