using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Palopo.Portal.Application.Caching;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.Caching;

/// <summary>
/// Tells this node's caches at once, then appends the signal to the log the other nodes poll
/// (<see cref="CacheSignalListener"/>). The caller's change is already committed (see
/// <see cref="ICacheSignals"/>), so a failure to append is logged rather than thrown: the other
/// nodes then drop the data when its cache lifetime ends.
/// </summary>
internal sealed partial class DatabaseCacheSignals(
    IServiceScopeFactory scopes, CacheSignalBus bus, TimeProvider clock, ILogger<DatabaseCacheSignals> logger) : ICacheSignals
{
    public async Task PublishAsync(string topic, string key, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(key);
        if (topic.Length > CacheSignal.TopicMaxLength || key.Length > CacheSignal.KeyMaxLength)
            throw new ArgumentException("Cache signal topic or key too long.", nameof(key));
        await bus.DispatchAsync(topic, key, ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            db.CacheSignals.Add(new CacheSignal(topic, key, clock.GetUtcNow().UtcDateTime));
            // Not cancellable: the change it announces is already committed.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogNotRecorded(ex, topic, key);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Cache signal {Topic}/{Key} could not be recorded: other nodes keep their copy until it expires")]
    private partial void LogNotRecorded(Exception ex, string topic, string key);
}
