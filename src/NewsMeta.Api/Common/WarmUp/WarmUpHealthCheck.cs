using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NewsMeta.Api.Common.WarmUp;

/// <summary>
/// Degraded while the instance is warming up (<see cref="StartupWarmUp"/>): /health/ready answers 503 for it
/// (<see cref="HttpPipeline.MapNewsHealth"/>), and the health service logs it as a warning, not as a failure.
/// </summary>
public sealed class WarmUpHealthCheck(StartupWarmUp warmUp) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(warmUp.Completion.IsCompleted ? HealthCheckResult.Healthy() : HealthCheckResult.Degraded("warming up"));
}
