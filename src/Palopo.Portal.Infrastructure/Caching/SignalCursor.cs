namespace Palopo.Portal.Infrastructure.Caching;

/// <summary>
/// Where a node is in the signal log. On PostgreSQL and SQL Server two inserts may commit out of
/// id order (id 11 becomes visible after id 12), so each read starts <see cref="Lookback"/> ids
/// before the last one seen and skips the ids already handled: a row that committed late is
/// still handed on, and none twice.
/// </summary>
public sealed class SignalCursor(int lookback = SignalCursor.DefaultLookback)
{
    public const int DefaultLookback = 64;

    private readonly SortedSet<long> _seen = [];

    public int Lookback { get; } = lookback;

    /// <summary>Null until <see cref="Start"/>.</summary>
    public long? Last { get; private set; }

    /// <summary>The next read asks for the rows with an id above this.</summary>
    public long ReadAfter => (Last ?? 0) - Lookback;

    /// <summary>
    /// Begins at the log's newest id. What came before is only remembered as seen: a node that has
    /// just started has nothing cached to drop.
    /// </summary>
    public void Start(long newestId, IEnumerable<long> recentIds)
    {
        Last = newestId;
        _seen.UnionWith(recentIds);
        Prune();
    }

    /// <summary>The rows of a read not handed on before, in id order; they count as handed on from now.</summary>
    public IReadOnlyList<T> TakeNew<T>(IEnumerable<T> rows, Func<T, long> idOf)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(idOf);
        if (Last is null)
            throw new InvalidOperationException("Start the cursor first.");
        var fresh = new List<T>();
        foreach (var row in rows.OrderBy(idOf))
        {
            var id = idOf(row);
            if (id <= ReadAfter || !_seen.Add(id))
                continue; // older than the window (handled long ago), or handled in an earlier read
            fresh.Add(row);
            Last = Math.Max(Last.Value, id);
        }

        Prune();
        return fresh;
    }

    private void Prune()
    {
        var keepAbove = ReadAfter;
        _seen.RemoveWhere(id => id <= keepAbove);
    }
}
