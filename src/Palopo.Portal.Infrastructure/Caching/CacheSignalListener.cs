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
/// On PostgreSQL and SQL Server two inserts may commit out of id order, so a poll reads again the
/// last <see cref="Lookback"/> ids and skips those already handled: a row that committed late is
/// still seen. Wall-clock timers, not <see cref="TimeProvider"/>: this is about real seconds.
/// </remarks>
internal sealed partial class CacheSignalListener(
    IServiceScopeFactory scopes, CacheSignalBus bus, IOptions<CachingOptions> options, TimeProvider clock, ILogger<CacheSignalListener> logger)
    : BackgroundService
{
    private const int Lookback = 64;
    private const int BatchSize = 1000;
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(1);
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);

    private readonly SortedSet<long> _seen = [];
    private long? _last;
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
    internal async Task PollOnceAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            if (_last is null)
            {
                // Starting: nothing is cached yet, so what came before is only remembered as seen.
                var max = await db.CacheSignals.MaxAsync(s => (long?)s.Id, ct) ?? 0;
                var from = max - Lookback;
                _seen.UnionWith(await db.CacheSignals.Where(s => s.Id > from).Select(s => s.Id).ToListAsync(ct));
                _last = max;
            }
            else
            {
                var from = _last.Value - Lookback;
                var rows = await db.CacheSignals.AsNoTracking()
                    .Where(s => s.Id > from)
                    .OrderBy(s => s.Id)
                    .Take(BatchSize)
                    .Select(s => new { s.Id, s.Topic, s.Key })
                    .ToListAsync(ct);
                foreach (var row in rows)
                {
                    if (!_seen.Add(row.Id))
                        continue;
                    await bus.DispatchAsync(row.Topic, row.Key, ct);
                    _last = Math.Max(_last.Value, row.Id);
                }

                var keepFrom = _last.Value - Lookback;
                _seen.RemoveWhere(id => id <= keepFrom);
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
