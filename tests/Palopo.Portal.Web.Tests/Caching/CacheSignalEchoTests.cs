using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Palopo.Portal.Application.Caching;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Tests.Support;

namespace Palopo.Portal.Web.Tests.Caching;

/// <summary>
/// A signal is handed to this node's caches once (ADR 0015): at once when this node sends it, and
/// not again when the listener reads it back from the log; a signal another node wrote is handed
/// on once, from the log.
/// </summary>
public abstract class CacheSignalEchoTests(PortalFixture portal) : PortalTests(portal)
{
    private const string Topic = "test-echo";

    [PortalFact]
    public async Task A_signal_is_heard_once_whether_this_node_or_another_sent_it()
    {
        var heard = new ConcurrentQueue<string>();
        App.Services.GetRequiredService<CacheSignalBus>().Subscribe(Topic, key => heard.Enqueue(key));
        await CacheSignalLog.WaitUntilCurrentAsync(App.Services);

        var mine = Guid.NewGuid().ToString("N");
        await App.Services.GetRequiredService<ICacheSignals>().PublishAsync(Topic, mine, CancellationToken.None);
        Assert.Equal([mine], heard);
        // Written to the log in the background; then give the listener (polling every second) time to read it.
        await CacheSignalLog.PollUntilAsync(() => InScopeAsync(sp => sp.GetRequiredService<PortalDbContext>().CacheSignals.AnyAsync(s => s.Key == mine)), found => found);
        var theirs = Guid.NewGuid().ToString("N");
        await CacheSignalLog.AppendAsync(App.Services, Topic, theirs);
        await CacheSignalLog.PollUntilAsync(() => Task.FromResult(heard.Contains(theirs)), found => found);
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // two more polls: nothing else may come

        Assert.Equal([mine, theirs], heard);
    }
}

[Collection(SqlitePortalCollection.Name)]
public sealed class CacheSignalEchoOnSqlite(SqlitePortalFixture portal) : CacheSignalEchoTests(portal);

[Collection(PostgreSqlPortalCollection.Name)]
[RequiresPostgreSql]
public sealed class CacheSignalEchoOnPostgreSql(PostgreSqlPortalFixture portal) : CacheSignalEchoTests(portal);
