namespace Palopo.Portal.Application.Caching;

/// <summary>
/// This node's side of cache coherence between web nodes (ADR 0015). Caches subscribe to topics and
/// drop what a signal names; signals arrive from this node at once (<see cref="ICacheSignals"/>) and
/// from the other nodes through the database, which a listener polls. While that listener has not
/// heard the database recently the node is deaf to the others, and <see cref="IsCurrent"/> is false:
/// every signalled cache then reads through to the database instead of trusting what it holds.
/// </summary>
public sealed class CacheSignalBus
{
    private readonly Lock _gate = new();
    private Dictionary<string, Func<string, CancellationToken, ValueTask>[]> _handlers = new(StringComparer.Ordinal);
    private long _heardAt;

    /// <summary>How long after the last successful poll cached values are still trusted.</summary>
    public TimeSpan TrustFor { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>True while signals from other nodes are being heard, so cached values may be served.</summary>
    public bool IsCurrent
    {
        get
        {
            var heard = Volatile.Read(ref _heardAt);
            return heard != 0 && Environment.TickCount64 - heard <= (long)TrustFor.TotalMilliseconds;
        }
    }

    /// <summary>The listener caught up with the database just now.</summary>
    public void Heard() => Volatile.Write(ref _heardAt, Environment.TickCount64);

    public void Subscribe(string topic, Func<string, CancellationToken, ValueTask> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            // Copy on write: dispatch reads the map without a lock.
            var copy = new Dictionary<string, Func<string, CancellationToken, ValueTask>[]>(_handlers, StringComparer.Ordinal);
            copy[topic] = [.. copy.GetValueOrDefault(topic) ?? [], handler];
            _handlers = copy;
        }
    }

    public void Subscribe(string topic, Action<string> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Subscribe(topic, (key, _) =>
        {
            handler(key);
            return ValueTask.CompletedTask;
        });
    }

    public async ValueTask DispatchAsync(string topic, string key, CancellationToken ct)
    {
        if (!Volatile.Read(ref _handlers).TryGetValue(topic, out var handlers))
            return;
        foreach (var handler in handlers)
            await handler(key, ct);
    }
}
