using Palopo.Portal.Application.Caching;

namespace Palopo.Portal.Application.Tests.Caching;

/// <summary>The rules that keep a node-local cache honest between web nodes (ADR 0015).</summary>
public sealed class SignalledCacheTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Nothing_is_kept_or_served_while_the_node_has_not_heard_the_signal_log()
    {
        var bus = new CacheSignalBus();
        var cache = new SignalledCache<string, int>(bus, capacity: 10);

        cache.Set("a", 1, Now.AddMinutes(5), cache.Generation);
        Assert.False(cache.TryGet("a", Now, out _));

        bus.Heard();
        cache.Set("a", 1, Now.AddMinutes(5), cache.Generation);
        Assert.True(cache.TryGet("a", Now, out var value));
        Assert.Equal(1, value);
    }

    [Fact]
    public void A_node_that_stops_hearing_the_log_stops_serving_what_it_holds()
    {
        var bus = new CacheSignalBus { TrustFor = TimeSpan.FromMilliseconds(1) };
        var cache = new SignalledCache<string, int>(bus, capacity: 10);
        bus.Heard();
        cache.Set("a", 1, Now.AddMinutes(5), cache.Generation);

        Thread.Sleep(30);

        Assert.False(bus.IsCurrent);
        Assert.False(cache.TryGet("a", Now, out _));
        bus.Heard();
        Assert.True(cache.TryGet("a", Now, out _));
    }

    [Fact]
    public void A_value_read_while_an_eviction_ran_is_not_kept()
    {
        var bus = new CacheSignalBus();
        bus.Heard();
        var cache = new SignalledCache<string, int>(bus, capacity: 10);

        var before = cache.Generation; // a request starts reading the old value from the database...
        cache.Remove("a");               // ...a revocation's signal arrives meanwhile...
        cache.Set("a", 1, Now.AddMinutes(5), before); // ...and the old value must not be kept.

        Assert.False(cache.TryGet("a", Now, out _));
        cache.Set("a", 2, Now.AddMinutes(5), cache.Generation);
        Assert.True(cache.TryGet("a", Now, out var fresh));
        Assert.Equal(2, fresh);
    }

    [Fact]
    public void Entries_end_at_their_lifetime_and_can_be_dropped_by_key_by_predicate_or_all()
    {
        var bus = new CacheSignalBus();
        bus.Heard();
        var cache = new SignalledCache<string, int>(bus, capacity: 10);
        foreach (var (key, value) in new[] { ("a", 1), ("b", 2), ("c", 3), ("d", 4) })
            cache.Set(key, value, Now.AddMinutes(5), cache.Generation);

        Assert.False(cache.TryGet("a", Now.AddMinutes(5), out _)); // expired exactly at its lifetime
        cache.Remove("b");
        cache.RemoveWhere(v => v == 3);

        Assert.False(cache.TryGet("b", Now, out _));
        Assert.False(cache.TryGet("c", Now, out _));
        Assert.True(cache.TryGet("d", Now, out _));
        cache.Clear();
        Assert.False(cache.TryGet("d", Now, out _));
    }

    [Fact]
    public void A_full_cache_starts_again_rather_than_growing()
    {
        var bus = new CacheSignalBus();
        bus.Heard();
        var cache = new SignalledCache<int, int>(bus, capacity: 3);
        for (var i = 0; i < 10; i++)
            cache.Set(i, i, Now.AddMinutes(5), cache.Generation);

        Assert.True(cache.Count <= 3);
        Assert.True(cache.TryGet(9, Now, out _));
    }

    [Fact]
    public async Task Signals_reach_every_subscriber_of_their_topic_only()
    {
        var bus = new CacheSignalBus();
        var heard = new List<string>();
        bus.Subscribe(CacheTopics.Session, key => heard.Add("session:" + key));
        bus.Subscribe(CacheTopics.Session, key => heard.Add("again:" + key));
        bus.Subscribe(CacheTopics.Catalogue, key => heard.Add("catalogue"));

        await bus.DispatchAsync(CacheTopics.Session, "k1", CancellationToken.None);
        await bus.DispatchAsync("unknown", "x", CancellationToken.None);

        Assert.Equal(["session:k1", "again:k1"], heard);
    }

    [Fact]
    public async Task GetOrLoad_loads_once_keeps_the_value_and_never_keeps_a_null()
    {
        var bus = new CacheSignalBus();
        bus.Heard();
        var cache = new SignalledCache<string, string?>(bus, capacity: 10);
        var loads = 0;

        Assert.Equal("v", await cache.GetOrLoadAsync("a", Now, TimeSpan.FromMinutes(1), () => { loads++; return Task.FromResult<string?>("v"); }));
        Assert.Equal("v", await cache.GetOrLoadAsync("a", Now, TimeSpan.FromMinutes(1), () => { loads++; return Task.FromResult<string?>("other"); }));
        Assert.Null(await cache.GetOrLoadAsync("b", Now, TimeSpan.FromMinutes(1), () => { loads++; return Task.FromResult<string?>(null); }));
        Assert.Null(await cache.GetOrLoadAsync("b", Now, TimeSpan.FromMinutes(1), () => { loads++; return Task.FromResult<string?>(null); }));

        Assert.Equal(3, loads);
    }

    [Fact]
    public async Task EvictOn_drops_the_entry_a_signal_names_or_everything_for_a_key_it_cannot_read()
    {
        var bus = new CacheSignalBus();
        bus.Heard();
        var cache = new SignalledCache<Guid, int>(bus, capacity: 10);
        cache.EvictOn(CacheTopics.Inbox, Guid.TryParse);
        Guid one = Guid.NewGuid(), two = Guid.NewGuid();
        cache.Set(one, 1, Now.AddMinutes(5), cache.Generation);
        cache.Set(two, 2, Now.AddMinutes(5), cache.Generation);

        await bus.DispatchAsync(CacheTopics.Inbox, one.ToString("D"), CancellationToken.None);
        Assert.False(cache.TryGet(one, Now, out _));
        Assert.True(cache.TryGet(two, Now, out _));

        await bus.DispatchAsync(CacheTopics.Inbox, "*", CancellationToken.None);
        Assert.False(cache.TryGet(two, Now, out _));
    }
}
