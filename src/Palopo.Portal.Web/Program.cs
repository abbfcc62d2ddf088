using Palopo.Portal.Application;
using Palopo.Portal.Infrastructure;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web;
using Serilog;

// Stage one: a plain console logger for anything that goes wrong before configuration is read.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();

// "--migrate": apply migrations and seed data, then exit (0 on success). The way to bring a
// PostgreSQL or SQL Server database up to date, where migrating at start is off by default.
var migrateOnly = args.Contains(PortalCommandLine.Migrate, StringComparer.OrdinalIgnoreCase);
args = [.. args.Where(a => !string.Equals(a, PortalCommandLine.Migrate, StringComparison.OrdinalIgnoreCase))];

try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.Services.AddApplication();
    builder.Services.AddInfrastructure(builder.Configuration);
    builder.Services.AddWeb(builder.Environment);
    builder.Services.AddPortalHosting(builder.Configuration);
    builder.Services.AddPortalSerilog(builder.Configuration, builder.Environment);

    var app = builder.Build();

    if (migrateOnly)
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(CancellationToken.None, migrate: true);
        app.Services.GetRequiredService<ILogger<Program>>().LogInformation("Database migrated and seeded; exiting (--migrate)");
        await app.DisposeAsync();
        return 0;
    }

    // An unavailable database does not stop the start: /health/ready says why until it is back.
    await app.Services.GetRequiredService<DatabaseStartup>().StartAsync(app.Lifetime.ApplicationStopping);
    app.LogStartupFacts();
    app.UsePortalPipeline();
    app.MapPortalEndpoints();

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, migrateOnly ? "Migration failed" : "The portal stopped unexpectedly");
    if (migrateOnly)
        return 1;
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point; public so WebApplicationFactory can start the portal in tests.</summary>
public partial class Program;
