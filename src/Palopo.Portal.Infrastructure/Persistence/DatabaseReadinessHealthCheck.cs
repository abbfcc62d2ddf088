using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Palopo.Portal.Infrastructure.Persistence;

/// <summary>Unhealthy, with the reason, until the database has been initialized (see <see cref="DatabaseStartup"/>).</summary>
internal sealed class DatabaseReadinessHealthCheck(DatabaseReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.Problem is { } problem
            ? HealthCheckResult.Unhealthy(problem)
            : HealthCheckResult.Healthy("Database initialized."));
}
