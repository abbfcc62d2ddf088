using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Caching;
using Palopo.Portal.Infrastructure.Caching;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Web.Tests.Support;

/// <summary>
/// Plays "another web node" for the cache-signal tests (ADR 0015): appends a row to the signal log
/// the way that node would, without telling this node's bus, so only the listener's poll can bring it.
/// </summary>
internal static class CacheSignalLog
{
    /// <summary>Generous against a loaded machine; the listener polls every second.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    public static async Task AppendAsync(IServiceProvider services, string topic, string key)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        db.CacheSignals.Add(new CacheSignal(topic, key, DateTime.UtcNow));
        await db.SaveChangesAsync();
    }

    /// <summary>Waits until this node hears the log (its caches are in use), so a test does not pass on an empty cache.</summary>
    public static async Task WaitUntilCurrentAsync(IServiceProvider services)
    {
        var bus = services.GetRequiredService<CacheSignalBus>();
        var deadline = DateTime.UtcNow + Patience;
        while (!bus.IsCurrent && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        Assert.True(bus.IsCurrent, "The cache-signal listener never caught up with the database.");
    }

    /// <summary>Asks again every 100 ms until <paramref name="done"/> holds or patience runs out; returns the last answer.</summary>
    public static async Task<T> PollUntilAsync<T>(Func<Task<T>> ask, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        var answer = await ask();
        while (!done(answer) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            answer = await ask();
        }

        return answer;
    }
}
