using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Testing;

namespace Palopo.Portal.Browser.Tests.Support;

/// <summary>
/// The real portal on Kestrel at a random loopback port, in Development (so the e-mail preview link
/// shows), on a SQLite file in a throwaway data folder, with the demo accounts seeded.
/// </summary>
public sealed class PortalServer : WebApplicationFactory<Program>
{
    private readonly TemporaryDirectory _data = new();
    private readonly string _blindIndexKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public PortalServer()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>The address the browser opens, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public string DataPath => _data.Path;

    /// <summary>Starts Kestrel and reads the port it was given.</summary>
    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without an address.");
        BaseAddress = new Uri(address.TrimEnd('/'));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Storage:DataPath", _data.Path);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", "");
        builder.UseSetting("PersonalData:BlindIndexKey", _blindIndexKey);
        builder.UseSetting("DemoAccounts:Enabled", "true");
        // One browser registers many people from one address: the abuse limits are tested in Web.Tests.
        foreach (var policy in Palopo.Portal.Web.Framework.RateLimitSettings.PolicyNames)
            builder.UseSetting($"{Palopo.Portal.Web.Framework.RateLimitSettings.Section}:{policy}:PermitLimit", "1000000");
        // The browser tests read pages, not logs: keep the console to warnings and worse.
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Dispose();
    }
}
