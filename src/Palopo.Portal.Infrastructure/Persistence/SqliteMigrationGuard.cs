using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Palopo.Portal.Infrastructure.Persistence;

/// <summary>
/// EF Core's SQLite migration lock is a row in __EFMigrationsLock. A process killed while holding
/// it (kill -9, power loss) leaves the row behind, and every later migration then waits for it
/// forever. This guard takes an operating-system lock on a file beside the database first (the
/// kernel drops it when its process dies, however it dies); whoever holds it is the only portal
/// process migrating this file, so any lock row found then is a dead process's and is removed.
/// </summary>
internal sealed class SqliteMigrationGuard : IDisposable
{
    private readonly FileStream? _lock;

    private SqliteMigrationGuard(FileStream? fileLock) => _lock = fileLock;

    public static async Task<SqliteMigrationGuard> AcquireAsync(DbContext db, CancellationToken ct)
    {
        var builder = new SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        var dataSource = builder.DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource.Contains(":memory:", StringComparison.Ordinal) || builder.Mode == SqliteOpenMode.Memory)
            return new SqliteMigrationGuard(null); // a private in-memory database: no other process can hold its lock

        var path = Path.GetFullPath(dataSource) + ".migrating";
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive advisory lock (flock) on Linux, a share lock on Windows.
                var fileLock = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                var guard = new SqliteMigrationGuard(fileLock);
                await RemoveAbandonedLockAsync(db, ct);
                return guard;
            }
            catch (IOException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), ct); // another live process is migrating
            }
        }
    }

    private static async Task RemoveAbandonedLockAsync(DbContext db, CancellationToken ct)
    {
        var exists = await db.Database
            .SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'")
            .SingleAsync(ct);
        if (exists > 0)
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\"", ct);
    }

    public void Dispose() => _lock?.Dispose();
}
