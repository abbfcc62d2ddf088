using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Palopo.Portal.Application.Caching;

/// <summary>
/// A node-local cache whose owner drops entries when a <see cref="CacheSignalBus"/> signal says the
/// data changed (ADR 0015). Two rules keep it honest: nothing is served or stored while the node is
/// not hearing the other nodes (<see cref="CacheSignalBus.IsCurrent"/>), and a value read from the
/// database is not kept if an eviction ran while it was being read (take <see cref="Generation"/>
/// before the read, hand it to <see cref="Set"/>).
/// </summary>
public sealed class SignalledCache<TKey, TValue>(CacheSignalBus bus, int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();
    private long _generation;

    public long Generation => Volatile.Read(ref _generation);

    public int Count => _entries.Count;

    public bool TryGet(TKey key, DateTime nowUtc, [MaybeNullWhen(false)] out TValue value)
    {
        if (bus.IsCurrent && _entries.TryGetValue(key, out var entry))
        {
            if (entry.ExpiresUtc > nowUtc)
            {
                value = entry.Value;
                return true;
            }

            _entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
        }

        value = default;
        return false;
    }

    public void Set(TKey key, TValue value, DateTime expiresUtc, long generation)
    {
        if (!bus.IsCurrent || Volatile.Read(ref _generation) != generation)
            return;
        if (_entries.Count >= capacity)
            _entries.Clear(); // crude, but bounded: a full cache is rare and refills from the database
        var entry = new Entry(value, expiresUtc);
        _entries[key] = entry;
        // An eviction that ran between the check above and the write may have missed this entry.
        // Evictions move the generation before they remove, so looking again here is enough.
        if (Volatile.Read(ref _generation) != generation)
            _entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
    }

    /// <summary>
    /// The cached value, or the loaded one, kept for <paramref name="lifetime"/> (a null result is
    /// not kept: "no such row" is not worth remembering and may change without a signal).
    /// </summary>
    public async Task<TValue> GetOrLoadAsync(TKey key, DateTime nowUtc, TimeSpan lifetime, Func<Task<TValue>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        if (TryGet(key, nowUtc, out var cached))
            return cached;
        var generation = Generation;
        var value = await load();
        if (value is not null)
            Set(key, value, nowUtc + lifetime, generation);
        return value;
    }

    /// <summary>Drops the entry a <paramref name="topic"/> signal names (its key parsed by <paramref name="parse"/>); a key that does not parse drops all.</summary>
    public void EvictOn(string topic, KeyParser parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        bus.Subscribe(topic, signalKey =>
        {
            if (parse(signalKey, out var key))
                Remove(key);
            else
                Clear();
        });
    }

    public delegate bool KeyParser(string text, out TKey key);

    /// <summary>Drops everything on any <paramref name="topic"/> signal (data with a single version, such as the calendar).</summary>
    public void ClearOn(string topic) => bus.Subscribe(topic, _ => Clear());

    public void Remove(TKey key)
    {
        Interlocked.Increment(ref _generation);
        _entries.TryRemove(key, out _);
    }

    public void RemoveWhere(Func<TValue, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        Interlocked.Increment(ref _generation);
        foreach (var (key, entry) in _entries)
        {
            if (predicate(entry.Value))
                _entries.TryRemove(new KeyValuePair<TKey, Entry>(key, entry));
        }
    }

    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private sealed record Entry(TValue Value, DateTime ExpiresUtc);
}
