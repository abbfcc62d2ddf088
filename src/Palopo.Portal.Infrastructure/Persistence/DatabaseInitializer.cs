using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Palopo.Portal.Infrastructure.Identity;
using Palopo.Portal.Infrastructure.Persistence.Seed;

namespace Palopo.Portal.Infrastructure.Persistence;

/// <summary>What one initialization found: migrations still pending (not applied because migrating was off).</summary>
public sealed record DatabaseInitialization(int PendingMigrations);

/// <summary>
/// Brings the database up to date: migrations (per setting, or always in --migrate mode), SQLite
/// WAL mode, seed data. Every step is idempotent, so a run cut short (kill -9, lost connection)
/// is completed by the next one: each migration commits in its own transaction with its history
/// row, and the seeders add only what is missing.
/// </summary>
public sealed class DatabaseInitializer(
    IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, IOptions<DemoAccountsOptions> demo, IHostEnvironment environment, ILogger<DatabaseInitializer> logger)
{
    /// <param name="migrate">Apply pending migrations whatever Database:MigrateOnStart says (the --migrate mode).</param>
    public async Task<DatabaseInitialization> InitializeAsync(CancellationToken ct, bool migrate = false)
    {
        var settings = options.Value;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0 && (migrate || settings.ShouldMigrateOnStart))
        {
            using var guard = settings.Provider == DatabaseProvider.Sqlite ? await SqliteMigrationGuard.AcquireAsync(db, ct) : null;
            logger.LogInformation("Applying {Count} migration(s) on {Provider}: {Migrations}", pending.Count, settings.Provider, pending);
            await db.Database.MigrateAsync(ct);
        }
        else if (pending.Count > 0)
        {
            // Seeding an out-of-date schema would fail or, worse, half-work: wait for the operator's migration.
            return new DatabaseInitialization(pending.Count);
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

        // The key ring is created now, outside any transaction (see KeyRingRefresher).
        scope.ServiceProvider.GetRequiredService<PersonalData.PersonalDataCipher>().Protect("key-ring");
        return new DatabaseInitialization(0);
    }
}
