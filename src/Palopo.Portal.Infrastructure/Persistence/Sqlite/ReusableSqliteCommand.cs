using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Palopo.Portal.Infrastructure.Persistence.Sqlite;

/// <summary>
/// The command EF gets on SQLite: when EF sets its SQL it takes that SQL's prepared command from the
/// connection's <see cref="SqliteStatementCache"/>, and when EF disposes it, the prepared command goes
/// back instead of being finalized. A command whose execution failed, or whose reader is still open,
/// is disposed as before: only a cleanly reset statement is reused (ADR 0016).
/// </summary>
internal sealed class ReusableSqliteCommand(SqliteStatementCache cache) : DbCommand
{
    private SqliteCommand? _inner;
    private SqliteDataReader? _reader;
    private bool _faulted;

    private SqliteCommand Inner => _inner ??= cache.Connection.CreateCommand();

    [AllowNull]
    public override string CommandText
    {
        get => _inner?.CommandText ?? string.Empty;
        set
        {
            if (_inner is not null && _inner.CommandText == value)
                return;
            // EF sets the SQL first; anything set before it moves over to the prepared command.
            var earlier = _inner;
            var parameters = earlier?.Parameters.Cast<SqliteParameter>().ToList();
            var (transaction, timeout) = (earlier?.Transaction, earlier?.CommandTimeout);
            Release();
            _inner = cache.Take(value ?? string.Empty);
            if (earlier is null)
                return;
            _inner.Parameters.AddRange(parameters!);
            _inner.Transaction = transaction;
            _inner.CommandTimeout = timeout!.Value;
        }
    }

    public override int CommandTimeout { get => Inner.CommandTimeout; set => Inner.CommandTimeout = value; }

    public override CommandType CommandType { get => CommandType.Text; set => Inner.CommandType = value; }

    public override bool DesignTimeVisible { get => Inner.DesignTimeVisible; set => Inner.DesignTimeVisible = value; }

    public override UpdateRowSource UpdatedRowSource { get => Inner.UpdatedRowSource; set => Inner.UpdatedRowSource = value; }

    protected override DbConnection? DbConnection
    {
        get => cache.Connection;
        set
        {
            if (value is not null && !ReferenceEquals(value, cache.Connection))
                throw new NotSupportedException("A reusable SQLite command stays on the connection it was made for.");
        }
    }

    protected override DbParameterCollection DbParameterCollection => Inner.Parameters;

    protected override DbTransaction? DbTransaction { get => Inner.Transaction; set => Inner.Transaction = (SqliteTransaction?)value; }

    public override void Cancel() => Inner.Cancel();

    public override void Prepare() => Inner.Prepare();

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) =>
        _reader = Run(() => Inner.ExecuteReader(behavior));

    public override int ExecuteNonQuery() => Run(Inner.ExecuteNonQuery);

    public override object? ExecuteScalar() => Run(Inner.ExecuteScalar);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            Release();
        base.Dispose(disposing);
    }

    private T Run<T>(Func<T> execute)
    {
        try
        {
            return execute();
        }
        catch
        {
            // The statement may be left stepped and unreset: never hand it out again.
            _faulted = true;
            throw;
        }
    }

    private void Release()
    {
        var inner = _inner;
        _inner = null;
        if (inner is null)
            return;
        var clean = !_faulted && _reader is null or { IsClosed: true };
        _reader = null;
        _faulted = false;
        if (!clean || !cache.Return(inner))
            inner.Dispose();
    }
}
