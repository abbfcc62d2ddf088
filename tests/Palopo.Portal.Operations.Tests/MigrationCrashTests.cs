using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Operations.Tests.Support;
using Palopo.Portal.Testing;

namespace Palopo.Portal.Operations.Tests;

/// <summary>
/// kill -9 of `--migrate` at random points while it migrates and seeds a fresh database, a few
/// times over; the next run completes the work (every migration applied once, reference data and
/// demo accounts complete) and a web node that does not migrate itself starts ready on it.
/// </summary>
public sealed class MigrationCrashTests
{
    private const int Port = 5197;

    [Fact]
    public Task Sqlite_migration_killed_midway_is_completed_by_the_next_run() => RunAsync(DatabaseProvider.Sqlite);

    [PostgresFact]
    public Task PostgreSql_migration_killed_midway_is_completed_by_the_next_run() => RunAsync(DatabaseProvider.PostgreSql);

    private static async Task RunAsync(DatabaseProvider provider)
    {
        await using var database = await PortalDatabase.CreateAsync(provider);
        var settings = database.Settings();
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var killedMidway = 0;

        for (var round = 0; round < 3; round++)
        {
            await using var migrating = PortalProcess.Start(Port, settings, "--migrate");
            // From the moment it starts applying migrations (or seeding, if none are left), a random instant.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!migrating.HasExited && !migrating.Output.Contains("Applying", StringComparison.Ordinal)
                   && !migrating.Output.Contains("Data folder", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
                await Task.Delay(20);
            // The first kill lands early (inside the first migrations); the later ones anywhere.
            await Task.Delay(random.Next(0, round switch { 0 => 100, 1 => 1500, _ => 3000 }));
            if (!migrating.HasExited)
            {
                migrating.KillHard();
                killedMidway++;
            }
        }

        int pendingAfterKills;
        await using (var db = database.Open())
        {
            pendingAfterKills = (await db.Database.GetPendingMigrationsAsync()).Count();
            // SQLite: EF's migration lock is a table row that a killed holder leaves behind (the next
            // migration would wait for it forever). Make sure one is there, as if the last kill hit it.
            if (provider == DatabaseProvider.Sqlite && pendingAfterKills > 0)
                await db.Database.ExecuteSqlRawAsync(
                    "CREATE TABLE IF NOT EXISTS \"__EFMigrationsLock\" (\"Id\" INTEGER NOT NULL PRIMARY KEY, \"Timestamp\" TEXT NOT NULL); " +
                    "INSERT OR IGNORE INTO \"__EFMigrationsLock\" VALUES (1, '2026-01-01 00:00:00');");
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using (var finishing = PortalProcess.Start(Port, settings, "--migrate"))
        {
            Assert.True(await finishing.WaitForExitAsync(TimeSpan.FromSeconds(120)), "--migrate did not finish.\n" + finishing.Tail());
            Assert.True(finishing.ExitCode == 0, $"--migrate exited with {finishing.ExitCode} after {killedMidway} kills, {pendingAfterKills} migrations pending (seed {seed}).\n{finishing.Tail()}");
        }

        await using (var db = database.Open())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync()).Count());
            Assert.Equal(5, await db.Agencies.CountAsync());
            Assert.True(await db.Services.CountAsync() >= 17);
        }

        // A web node that never migrates (the server-database default) starts ready on the result.
        settings["Database:MigrateOnStart"] = "false";
        await using var web = PortalProcess.Start(Port, settings);
        await web.WaitUntilReadyAsync();
        using var citizen = new PortalWebClient();
        await citizen.SignInAsync(web.BaseAddress);
        OperationsReport.Write($"{provider} migration: 3 runs of --migrate killed at random points ({killedMidway} before they finished, seed {seed}); " +
            $"{pendingAfterKills} migration(s) still pending after the kills{(provider == DatabaseProvider.Sqlite && pendingAfterKills > 0 ? ", abandoned lock row planted" : "")}; the next run completed them and a non-migrating node started ready");
        Assert.True(killedMidway >= 1, $"No run was killed before it finished (seed {seed}); the machine may be too fast for the delays.");
    }
}
