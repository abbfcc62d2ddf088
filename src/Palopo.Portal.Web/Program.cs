using Palopo.Portal.Application;
using Palopo.Portal.Infrastructure;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web;
using Serilog;

// Stage one: a plain console logger for anything that goes wrong before configuration is read.
Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.Services.AddApplication();
    builder.Services.AddInfrastructure(builder.Configuration);
    builder.Services.AddWeb(builder.Environment);
    builder.Services.AddPortalSerilog(builder.Configuration, builder.Environment);

    var app = builder.Build();

    await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);
    app.LogStartupFacts();
    app.UsePortalPipeline();
    app.MapPortalEndpoints();

    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The portal stopped unexpectedly");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point; public so WebApplicationFactory can start the portal in tests.</summary>
public partial class Program;
