using System.Net;
using Npgsql;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Operations.Tests.Support;
using Palopo.Portal.Testing;

namespace Palopo.Portal.Operations.Tests;

/// <summary>
/// The database is away when the portal starts (nothing listens on its port): the process stays
/// up, /health/live answers 200, /health/ready 503 with the reason, pages a plain 503; when the
/// database appears the portal initializes itself and becomes ready, without a restart. The same
/// when the database goes away and comes back while the portal runs.
/// </summary>
public sealed class DatabaseOutageTests
{
    private const int PortalPort = 5195;
    private const int ProxyPort = 55462;

    [PostgresFact]
    public async Task Portal_started_without_its_database_reports_why_and_recovers_when_it_returns()
    {
        await using var database = await PortalDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var real = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        using var proxy = new TcpProxy(ProxyPort, real.Host!, real.Port);
        var settings = database.Settings();
        settings["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            Host = "127.0.0.1", Port = ProxyPort, Timeout = 3, CommandTimeout = 10,
        }.ConnectionString;
        settings["Database:StartupRetryMaxSeconds"] = "2";

        await using var portal = PortalProcess.Start(PortalPort, settings);
        await portal.WaitForAsync("/health/live", HttpStatusCode.OK, TimeSpan.FromSeconds(90));

        using var client = new PortalWebClient();
        using (var ready = await client.GetAsync(portal.BaseAddress, "/health/ready"))
        {
            var body = await ready.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Contains("database-initialized: Unhealthy: Database unavailable", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Password", body, StringComparison.OrdinalIgnoreCase);
        }

        using (var page = await client.GetAsync(portal.BaseAddress, "/layanan"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.NotNull(page.Headers.RetryAfter);
        }

        // The database "comes back": the portal migrates, seeds and becomes ready by itself.
        proxy.Start();
        await portal.WaitUntilReadyAsync(90);
        await client.SignInAsync(portal.BaseAddress);
        await client.GetPageAsync(portal.BaseAddress, "/permohonan");
        Assert.False(portal.HasExited);

        // Away again while running: not ready (the database check), still live; back: ready again.
        proxy.Stop();
        NpgsqlConnection.ClearAllPools();
        await portal.WaitForAsync("/health/ready", HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(60));
        await portal.WaitForAsync("/health/live", HttpStatusCode.OK, TimeSpan.FromSeconds(5));
        proxy.Start();
        await portal.WaitUntilReadyAsync(60);
        await client.GetPageAsync(portal.BaseAddress, "/permohonan");
    }
}
