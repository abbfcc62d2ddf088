using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Palopo.Portal.Infrastructure.Persistence.Sqlite;

/// <summary>
/// When the portal has stopped (requests drained, workers stopped), closes the SQLite connections
/// that pooled contexts kept open (<see cref="KeptOpenSqliteConnection"/>), so the database file is
/// whole again without its write-ahead log. Other providers: nothing to do.
/// </summary>
internal sealed partial class SqliteConnectionsCloser(IHostApplicationLifetime lifetime, IServiceScopeFactory scopes, ILogger<SqliteConnectionsCloser> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopped.Register(CloseAll);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void CloseAll()
    {
        try
        {
            using var scope = scopes.CreateScope();
            var database = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database;
            if (!database.IsSqlite())
                return;
            LogClosed(KeptOpenSqliteConnection.CloseAll(database.GetConnectionString()!));
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException or Microsoft.Data.Sqlite.SqliteException)
        {
            // Stopping anyway: SQLite recovers its write-ahead log at the next start.
            LogNotClosed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closed {Count} kept-open SQLite connections")]
    private partial void LogClosed(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not close the kept-open SQLite connections; the write-ahead log is recovered at the next start")]
    private partial void LogNotClosed(Exception exception);
}
