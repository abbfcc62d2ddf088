using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Palopo.Portal.Web.Framework;

/// <summary>Settings under "ForwardedHeaders": trusting a reverse proxy's X-Forwarded-For/-Proto.</summary>
public sealed class ForwardedHeadersSettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Off by default: without a proxy in front, these headers come from the client and must be ignored.</summary>
    public bool Enabled { get; set; }

    /// <summary>Addresses of the proxies whose headers are believed (e.g. "10.0.0.5").</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR notation (e.g. "10.0.0.0/24", "fd00::/8").</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies deep to read X-Forwarded-For.</summary>
    public int ForwardLimit { get; set; } = 1;
}

/// <summary>
/// Behind a reverse proxy the connection comes from the proxy; with this on, rate limits, logs and
/// HTTPS decisions (secure cookies, HSTS) see the client's address and scheme instead, but only
/// when the request really came through one of the configured proxies.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(ForwardedHeadersSettings.Section).Get<ForwardedHeadersSettings>() ?? new();
        services.AddSingleton(settings);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.ForwardLimit = settings.ForwardLimit;
            // Only the configured proxies: the defaults (loopback) are replaced, not extended.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies)
                o.KnownProxies.Add(IPAddress.Parse(proxy.Trim()));
            foreach (var network in settings.KnownNetworks)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network.Trim()));
            // The Host header from the proxy is checked against AllowedHosts like any other.
            o.AllowedHosts = [];
        });
        return services;
    }

    public static WebApplication UsePortalForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ForwardedHeadersSettings>().Enabled)
            app.UseForwardedHeaders();
        return app;
    }
}
