using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Palopo.Portal.Infrastructure.PersonalData;

/// <summary>
/// Touches the Data Protection key ring every hour, outside any transaction.
/// The key ring lives in the database; when it has to create or rotate a key it writes a row.
/// If that first happened inside a SaveChanges that encrypts a column, SQLite would make the
/// key write wait on the save's own write lock until the busy timeout. Doing it here means
/// the key ring is (almost always) fresh before a save needs it.
/// </summary>
internal sealed class KeyRingRefresher(PersonalDataCipher cipher, ILogger<KeyRingRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first touch is made by DatabaseInitializer once the schema is in place; this keeps it fresh.
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                cipher.Protect("key-ring");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database may be away; the next tick tries again.
                logger.LogWarning(ex, "Could not refresh the Data Protection key ring");
            }
        }
    }
}
