using System.Collections.Concurrent;

namespace Palopo.Portal.Infrastructure.Caching;

/// <summary>
/// The ids of the signals this node wrote to the log. This node's caches heard each of them when it
/// was sent (<see cref="DatabaseCacheSignals"/>), so the listener skips them when it reads them back:
/// without this, every change made here dropped its cached copies twice, the second time up to a
/// poll later, after they had been filled again.
/// </summary>
internal sealed class OwnSignalIds
{
    private readonly ConcurrentDictionary<long, byte> _ids = new();

    public void Add(IEnumerable<long> ids)
    {
        foreach (var id in ids)
            _ids.TryAdd(id, 0);
    }

    /// <summary>True (once) for a signal this node wrote.</summary>
    public bool TryTake(long id) => _ids.TryRemove(id, out _);

    /// <summary>Forgets ids the listener will never read again (behind its cursor).</summary>
    public void ForgetUpTo(long id)
    {
        foreach (var own in _ids.Keys)
        {
            if (own <= id)
                _ids.TryRemove(own, out _);
        }
    }
}
