using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Palopo.Portal.Application.Caching;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.Caching;

/// <summary>
/// Polls the signal log and hands every new signal to this node's caches (ADR 0015). Runs on every
/// node; reading is all it does, apart from pruning rows older than a day now and then.
/// </summary>
/// <remarks>
/// Late commits are handled by <see cref="SignalCursor"/>. Wall-clock timers, not
/// <see cref="TimeProvider"/>: this is about real seconds.
/// </remarks>
internal sealed partial class CacheSignalListener(
    IServiceScopeFactory scopes, CacheSignalBus bus, OwnSignalIds ownIds, IOptions<CachingOptions> options, TimeProvider clock, ILogger<CacheSignalListener> logger)
    : BackgroundService
{
    private const int BatchSize = 1000;
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);

    private readonly SignalCursor _cursor = new();
    private bool _failing;
    private long _prunedAt;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        bus.TrustFor = TimeSpan.FromSeconds(options.Value.TrustSeconds);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.SignalPollMilliseconds));
        try
        {
            do
            {
                await PollOnceAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    /// <summary>One poll: hand on what is new, then tell the bus this node is current.</summary>
    private async Task PollOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            if (_cursor.Last is null)
            {
                var newest = await db.CacheSignals.MaxAsync(s => (long?)s.Id, ct) ?? 0;
                var from = newest - _cursor.Lookback;
                _cursor.Start(newest, await db.CacheSignals.Where(s => s.Id > from).Select(s => s.Id).ToListAsync(ct));
            }
            else
            {
                var after = _cursor.ReadAfter;
                var rows = await db.CacheSignals.AsNoTracking()
                    .Where(s => s.Id > after)
                    .OrderBy(s => s.Id)
                    .Take(BatchSize)
                    .Select(s => new { s.Id, s.Topic, s.Key })
                    .ToListAsync(ct);
                foreach (var row in _cursor.TakeNew(rows, r => r.Id))
                {
                    // Heard here when it was sent: a second eviction would only throw away what was filled since.
                    if (!ownIds.TryTake(row.Id))
                        await bus.DispatchAsync(row.Topic, row.Key, ct);
                }

                ownIds.ForgetUpTo(_cursor.ReadAfter);
            }

            bus.Heard();
            if (_failing)
                LogRecovered();
            _failing = false;
            await PruneAsync(db, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // The database may be away (or not migrated yet); caches read through until it is back.
            if (!_failing)
                LogPollFailed(ex);
            _failing = true;
        }
    }

    private async Task PruneAsync(PortalDbContext db, CancellationToken ct)
    {
        if (_prunedAt != 0 && Environment.TickCount64 - _prunedAt < (long)PruneEvery.TotalMilliseconds)
            return;
        _prunedAt = Environment.TickCount64;
        var before = clock.GetUtcNow().UtcDateTime - KeepFor;
        await db.CacheSignals.Where(s => s.CreatedUtc < before).ExecuteDeleteAsync(ct);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cache signals cannot be read; this node reads through to the database until they can")]
    private partial void LogPollFailed(Exception ex);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cache signals are read again")]
    private partial void LogRecovered();
}
