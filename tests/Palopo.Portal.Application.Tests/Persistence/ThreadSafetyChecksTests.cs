using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Tests.Support;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Application.Tests.Persistence;

/// <summary>
/// Database:ThreadSafetyChecks switches EF Core's check that a context is never used by two
/// operations at once (ADR 0017). On (Development, the test suites), a second operation started
/// while one runs fails at once with EF's message; off (production), the check and its per-row
/// cost are gone.
/// </summary>
public sealed class ThreadSafetyChecksTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task With_the_checks_on_a_second_operation_on_a_busy_context_fails_with_a_clear_message()
    {
        await using var database = await PortalTestDatabase.CreateSqliteAsync(Settings(checks: true));
        await database.InitializeAsync();

        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            Assert.True(ChecksEnabled(db));

            // A statement that waits inside SQLite until released: the first operation is in progress.
            await db.Database.OpenConnectionAsync();
            using var inside = new SemaphoreSlim(0);
            using var release = new ManualResetEventSlim();
            ((SqliteConnection)db.Database.GetDbConnection()).CreateFunction("wait_for_test", () =>
            {
                inside.Release();
                return release.Wait(Patience) ? 1 : 0;
            });
            var first = Task.Run(() => db.Database.SqlQueryRaw<int>("SELECT wait_for_test() AS \"Value\"").ToListAsync());
            Assert.True(await inside.WaitAsync(Patience));

            var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Kecamatan.CountAsync());
            Assert.Contains("second operation", error.Message);

            release.Set();
            Assert.Equal([1], await first);
        });
    }

    [Fact]
    public async Task Switched_off_as_in_production_contexts_run_without_them()
    {
        await using var database = await PortalTestDatabase.CreateSqliteAsync(Settings(checks: false));
        await database.InitializeAsync();

        await database.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PortalDbContext>();
            Assert.False(ChecksEnabled(db));
            Assert.Equal(9, await db.Kecamatan.CountAsync());
        });
    }

    private static Dictionary<string, string?> Settings(bool checks) =>
        new() { ["Database:ThreadSafetyChecks"] = checks ? "true" : "false" };

    private static bool ChecksEnabled(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.ThreadSafetyChecksEnabled;
}
