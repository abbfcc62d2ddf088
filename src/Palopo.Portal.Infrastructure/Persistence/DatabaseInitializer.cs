using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Palopo.Portal.Infrastructure.Identity;
using Palopo.Portal.Infrastructure.Persistence.Seed;

namespace Palopo.Portal.Infrastructure.Persistence;

/// <summary>Brings the database up to date at start: migrations (per setting), SQLite WAL mode, seed data.</summary>
public sealed class DatabaseInitializer(
    IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, IOptions<DemoAccountsOptions> demo, IHostEnvironment environment, ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        if (settings.ShouldMigrateOnStart)
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s) on {Provider}: {Migrations}", pending.Count, settings.Provider, pending);
                await db.Database.MigrateAsync(ct);
            }
        }

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers and the writer work at once; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        if (settings.SeedOnStart)
        {
            await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(ct);
            await scope.ServiceProvider.GetRequiredService<ServiceCatalogSeeder>().SeedAsync(ct);
        }

        // Demo accounts have a published password and authenticator secret: never outside Development.
        if (demo.Value.Enabled && environment.IsDevelopment())
            await scope.ServiceProvider.GetRequiredService<DemoAccountSeeder>().SeedAsync(ct);
        else if (demo.Value.Enabled)
            logger.LogWarning("DemoAccounts:Enabled is ignored outside the Development environment");
    }
}
