using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.Caching;

/// <summary>
/// Appends queued signals to the <c>CacheSignals</c> log in batches, on one connection of its own.
/// Writing them from the requests that made the changes would take a second pooled connection
/// while the first is still held, which starved PostgreSQL's pool under 500 concurrent
/// submissions. A signal not yet written when the process dies is lost: the other nodes then keep
/// their copy until its lifetime ends (ADR 0015).
/// </summary>
internal sealed partial class CacheSignalWriter(IServiceScopeFactory scopes, OwnSignalIds ownIds, ILogger<CacheSignalWriter> logger) : BackgroundService
{
    private const int Capacity = 100_000;
    private const int BatchSize = 500;
    private static readonly TimeSpan FlushOnStop = TimeSpan.FromSeconds(5);

    private readonly Channel<CacheSignal> _queue = Channel.CreateBounded<CacheSignal>(
        new BoundedChannelOptions(Capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    public void Enqueue(CacheSignal signal)
    {
        if (!_queue.Writer.TryWrite(signal))
            LogDropped(signal.Topic, signal.Key);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<CacheSignal>(BatchSize);
        var failures = 0;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < BatchSize && _queue.Reader.TryRead(out var signal))
                    batch.Add(signal);
                if (await TryWriteAsync(batch, stoppingToken))
                {
                    batch.Clear();
                    failures = 0;
                }
                else
                {
                    // The database is away: keep the batch and try again, a little later each time.
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 250 << Math.Min(failures++, 5))), stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: what is queued goes out now, within a short limit.
            using var limit = new CancellationTokenSource(FlushOnStop);
            while (_queue.Reader.TryRead(out var signal))
                batch.Add(signal);
            if (batch.Count > 0)
                await TryWriteAsync(batch, limit.Token);
        }
    }

    private async Task<bool> TryWriteAsync(List<CacheSignal> batch, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            // Fresh rows: a failed attempt must not leave ids or tracked entities behind.
            var rows = batch.Select(s => new CacheSignal(s.Topic, s.Key, s.CreatedUtc)).ToList();
            db.CacheSignals.AddRange(rows);
            await db.SaveChangesAsync(ct);
            ownIds.Add(rows.Select(r => r.Id));
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            LogWriteFailed(ex, batch.Count);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} cache signal(s) could not be written yet; other nodes keep their copies until they are")]
    private partial void LogWriteFailed(Exception ex, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cache signal {Topic}/{Key} dropped: the queue is full; other nodes keep their copy until it expires")]
    private partial void LogDropped(string topic, string key);
}
