using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Palopo.Portal.Infrastructure.Persistence.Sqlite;

/// <summary>Gives EF a <see cref="ReusableSqliteCommand"/> instead of a new SqliteCommand for every query (ADR 0016).</summary>
internal sealed class SqliteStatementCacheInterceptor : DbCommandInterceptor
{
    public static readonly SqliteStatementCacheInterceptor Instance = new();

    public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
        eventData.Connection is SqliteConnection connection
            ? InterceptionResult<DbCommand>.SuppressWithResult(new ReusableSqliteCommand(SqliteStatementCache.For(connection)))
            : result;
}
