using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;

namespace Palopo.Portal.Infrastructure.Persistence.Sqlite;

#pragma warning disable EF1001 // SqliteRelationalConnection is provider-internal (ADR 0016 says why and what to check on upgrade).

/// <summary>
/// The SQLite connection of a pooled context, opened on first use and kept open while the context
/// is pooled, until <see cref="SqliteConnectionsCloser"/> closes it when the portal stops. Closing it
/// after every request would return it to Microsoft.Data.Sqlite's pool, which finalizes every prepared
/// statement and re-registers EF's SQL functions under a process-wide lock on the next open, so the
/// statements in <see cref="SqliteStatementCache"/> could never outlive a request (ADR 0016).
/// </summary>
internal sealed class KeptOpenSqliteConnection : SqliteRelationalConnection
{
    private static readonly ConditionalWeakTable<KeptOpenSqliteConnection, object?> All = [];

    public KeptOpenSqliteConnection(
        RelationalConnectionDependencies dependencies,
        IRawSqlCommandBuilder rawSqlCommandBuilder,
        IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
        : base(dependencies, rawSqlCommandBuilder, logger) =>
        All.Add(this, null);

    /// <summary>
    /// Really closes every kept connection to <paramref name="connectionString"/>'s database, once
    /// nothing runs any more: the last close checkpoints SQLite's write-ahead log into the file. A
    /// context used afterwards would simply open its connection again.
    /// </summary>
    public static int CloseAll(string connectionString)
    {
        var closed = 0;
        foreach (var (connection, _) in All)
        {
            if (connection.ConnectionString == connectionString && connection.DbConnection.State != System.Data.ConnectionState.Closed)
            {
                connection.DbConnection.Close();
                closed++;
            }
        }

        return closed;
    }

    // EF calls these when it believes nobody else needs the connection (after a query, and when the
    // pooled context is reset). EF then sees an open connection on its next use and leaves it open.
    protected override void CloseDbConnection()
    {
    }

    protected override Task CloseDbConnectionAsync() => Task.CompletedTask;
}
