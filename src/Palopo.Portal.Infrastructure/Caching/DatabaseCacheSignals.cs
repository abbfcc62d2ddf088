using Palopo.Portal.Application.Caching;

namespace Palopo.Portal.Infrastructure.Caching;

/// <summary>
/// Tells this node's caches at once, then queues the signal for <see cref="CacheSignalWriter"/>,
/// which appends it to the log the other nodes poll (<see cref="CacheSignalListener"/>). The
/// request never waits for that write and never needs a second database connection for it.
/// </summary>
internal sealed class DatabaseCacheSignals(CacheSignalBus bus, CacheSignalWriter writer, TimeProvider clock) : ICacheSignals
{
    public async Task PublishAsync(string topic, string key, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(key);
        if (topic.Length > CacheSignal.TopicMaxLength || key.Length > CacheSignal.KeyMaxLength)
            throw new ArgumentException("Cache signal topic or key too long.", nameof(key));
        await bus.DispatchAsync(topic, key, ct);
        writer.Enqueue(new CacheSignal(topic, key, clock.GetUtcNow().UtcDateTime));
    }
}
