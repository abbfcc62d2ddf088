using Palopo.Portal.Web.Framework;

namespace Palopo.Portal.Web;

/// <summary>Command-line switches of the portal (besides the usual --urls, --contentRoot, Key=Value settings).</summary>
public static class PortalCommandLine
{
    /// <summary>Apply pending migrations and seed data, then exit.</summary>
    public const string Migrate = "--migrate";
}

/// <summary>Settings under "Hosting": how the process stops.</summary>
public sealed class HostingSettings
{
    public const string Section = "Hosting";

    /// <summary>
    /// On SIGTERM, how long requests in flight and background workers get to finish before the
    /// process ends anyway. Keep it under the orchestrator's own grace period (Docker: 10 s by
    /// default, raised with stop_grace_period; Kubernetes: terminationGracePeriodSeconds 30).
    /// </summary>
    public int ShutdownTimeoutSeconds { get; set; } = 25;
}

public static class PortalHosting
{
    public static IServiceCollection AddPortalHosting(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(HostingSettings.Section).Get<HostingSettings>() ?? new();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(Math.Clamp(settings.ShutdownTimeoutSeconds, 1, 3600)));
        return services.AddPortalForwardedHeaders(configuration);
    }
}
