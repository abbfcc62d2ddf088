using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Palopo.Portal.Infrastructure.Persistence;

/// <summary>
/// Starts the database side of the portal without letting an absent database crash the process:
/// the first initialization runs before the server takes requests (so a healthy start is ready at
/// once); if it fails (server down, network, migrations not yet applied) the portal starts anyway,
/// /health/ready answers 503 with the reason, and initialization is retried in the background with
/// a growing pause until it succeeds. No restart is needed when the database comes back.
/// </summary>
public sealed partial class DatabaseStartup(
    DatabaseInitializer initializer, DatabaseReadiness readiness, IOptions<DatabaseOptions> options, ILogger<DatabaseStartup> logger)
{
    private Task? _retries;

    /// <summary>The background retry loop, if the first attempt failed (tests wait on it).</summary>
    public Task Retries => _retries ?? Task.CompletedTask;

    /// <summary>One attempt now; on failure, retries in the background until <paramref name="stopping"/> fires.</summary>
    public async Task StartAsync(CancellationToken stopping)
    {
        if (await TryOnceAsync(stopping))
            return;
        _retries = Task.Run(() => RetryAsync(stopping), CancellationToken.None);
    }

    private async Task RetryAsync(CancellationToken stopping)
    {
        var pause = TimeSpan.FromSeconds(1);
        var longest = TimeSpan.FromSeconds(Math.Max(1, options.Value.StartupRetryMaxSeconds));
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(pause, stopping);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (await TryOnceAsync(stopping))
                return;
            pause = TimeSpan.FromTicks(Math.Min(longest.Ticks, pause.Ticks * 2));
        }
    }

    private async Task<bool> TryOnceAsync(CancellationToken stopping)
    {
        readiness.MarkAttempt();
        try
        {
            var outcome = await initializer.InitializeAsync(stopping);
            if (outcome.PendingMigrations > 0)
            {
                readiness.MarkNotReady($"{outcome.PendingMigrations} database migration(s) pending and Database:MigrateOnStart is off: run the portal once with --migrate (see docs/operations.md).");
                LogPendingMigrations(outcome.PendingMigrations);
                return false;
            }

            readiness.MarkReady();
            if (readiness.Attempts > 1)
                LogRecovered(readiness.Attempts);
            return true;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return true; // shutting down: nothing more to try
        }
        catch (Exception ex)
        {
            // The exception's message names the host and the failure, never the password.
            readiness.MarkNotReady($"Database unavailable or not initialized: {ex.GetType().Name}: {FirstLine(ex.GetBaseException().Message)}");
            LogAttemptFailed(ex, readiness.Attempts);
            return false;
        }
    }

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', 2)[0].Trim();
        return line.Length > 300 ? line[..300] : line;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Database initialization failed (attempt {Attempt}); the portal stays up, /health/ready answers 503, and it tries again")]
    private partial void LogAttemptFailed(Exception exception, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} migration(s) pending and Database:MigrateOnStart is off; run the portal with --migrate. Not ready until then")]
    private partial void LogPendingMigrations(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database initialized after {Attempts} attempts; the portal is ready")]
    private partial void LogRecovered(int attempts);
}
