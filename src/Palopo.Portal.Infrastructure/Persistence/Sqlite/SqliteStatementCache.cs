using System.Data;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace Palopo.Portal.Infrastructure.Persistence.Sqlite;

/// <summary>
/// Commands kept prepared on one open SQLite connection, by SQL text. Microsoft.Data.Sqlite keeps
/// a command's compiled statements only for the life of that command object, and EF makes a new
/// command for every query, so SQLite would compile the same SQL again on every request (for the
/// request page's header query that is most of its cost). A connection is used by one context at a
/// time; the lock is for safety, never contended. When the connection really closes, Microsoft.Data.Sqlite
/// disposes every command made on it, and the cache forgets them (ADR 0016).
/// </summary>
internal sealed class SqliteStatementCache
{
    /// <summary>
    /// Distinct SQL texts kept per connection; the least recently used goes first. The portal's hot
    /// pages run a few dozen; start-up (migrations, seeding) runs hundreds that never come back.
    /// </summary>
    public const int Capacity = 64;

    private static readonly ConditionalWeakTable<SqliteConnection, SqliteStatementCache> ByConnection = [];

    private readonly Dictionary<string, LinkedListNode<SqliteCommand>> _idle = new(StringComparer.Ordinal);
    private readonly LinkedList<SqliteCommand> _byLastUse = [];
    private readonly Lock _lock = new();
    private int _compiled;

    private SqliteStatementCache(SqliteConnection connection)
    {
        Connection = connection;
        connection.StateChange += (_, e) =>
        {
            if (e.CurrentState != ConnectionState.Open)
                Forget();
        };
    }

    public SqliteConnection Connection { get; }

    public static SqliteStatementCache For(SqliteConnection connection) =>
        ByConnection.GetValue(connection, static c => new SqliteStatementCache(c));

    /// <summary>A command for this SQL: the idle prepared one if there is one (it is then in use until returned), else a new one.</summary>
    public SqliteCommand Take(string sql)
    {
        lock (_lock)
        {
            if (_idle.Remove(sql, out var node))
            {
                _byLastUse.Remove(node);
                return node.Value;
            }
        }

        Interlocked.Increment(ref _compiled);
        var created = Connection.CreateCommand();
        created.CommandText = sql;
        return created;
    }

    /// <summary>Keeps a command that ran cleanly for the next use of its SQL; false when the caller should dispose it.</summary>
    public bool Return(SqliteCommand command)
    {
        // A command EF touched before giving it SQL (parameters first) has nothing worth keeping.
        if (Connection.State != ConnectionState.Open || command.CommandText.Length == 0)
            return false;
        command.Parameters.Clear();
        command.Transaction = null;
        SqliteCommand? evicted = null;
        lock (_lock)
        {
            // The same SQL run twice at once (a reader still open): the first one back is kept.
            if (_idle.ContainsKey(command.CommandText))
                return false;
            if (_idle.Count >= Capacity)
            {
                evicted = _byLastUse.Last!.Value;
                _byLastUse.RemoveLast();
                _idle.Remove(evicted.CommandText);
            }

            _idle.Add(command.CommandText, _byLastUse.AddFirst(command));
        }

        evicted?.Dispose();
        return true;
    }

    /// <summary>How many commands this connection has had to make (each compiles its SQL on first run).</summary>
    public int Compiled => Volatile.Read(ref _compiled);

    /// <summary>The number of prepared commands kept.</summary>
    public int IdleCount
    {
        get
        {
            lock (_lock)
                return _idle.Count;
        }
    }

    private void Forget()
    {
        lock (_lock)
        {
            // Closing already disposed them (Microsoft.Data.Sqlite tracks each connection's commands).
            _idle.Clear();
            _byLastUse.Clear();
        }
    }
}
