using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Palopo.Portal.Application.Email;
using Palopo.Portal.Domain.Notifications;
using Palopo.Portal.Infrastructure.Persistence;

namespace Palopo.Portal.Infrastructure.Notifications;

/// <summary>What one round of the outbox did.</summary>
public sealed record OutboxRound(int Claimed, int Sent, int Failed);

/// <summary>
/// Sends the e-mail outbox. Each round claims due, unsent messages with a lease (a conditional
/// UPDATE that only one node can win, on every provider), sends them through <see cref="IEmailSender"/>
/// and records the outcome; a failed message backs off (<see cref="OutboxMessage.MarkFailed"/>) and one
/// that used up its attempts stays for an administrator. Safe to run on every web node at once.
/// Logs carry message ids only, never addresses or contents.
/// </summary>
public sealed partial class OutboxDispatcher : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly OutboxOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger<OutboxDispatcher> _logger;

    public OutboxDispatcher(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
    {
        _scopes = scopes;
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        var name = string.IsNullOrWhiteSpace(_options.WorkerName)
            ? $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}"
            : _options.WorkerName.Trim();
        WorkerName = name.Length > 100 ? name[..100] : name;
    }

    /// <summary>What this worker writes to LockedBy: unique per process and instance unless configured.</summary>
    public string WorkerName { get; }

    /// <summary>One round: claim up to a batch of due messages, send each, record the outcome.</summary>
    public async Task<OutboxRound> DispatchOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var sender = scope.ServiceProvider.GetRequiredService<IEmailSender>();

        var claimed = await ClaimAsync(db, cancellationToken);
        if (claimed.Count == 0)
            return new OutboxRound(0, 0, 0);

        // Not cancellable: once rows are claimed, this round either works them or hands them back below.
        var messages = await db.OutboxMessages.AsNoTracking()
            .Where(m => claimed.Contains(m.Id) && m.LockedBy == WorkerName)
            .OrderBy(m => m.NextAttemptAtUtc)
            .ToListAsync(CancellationToken.None);

        int sent = 0, failed = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // Shutting down: hand back what was not started, so another node need not wait for the lease.
                var released = messages.Skip(i).Select(m => m.Id).ToList();
                await ReleaseAsync(db, released);
                LogReleased(released.Count);
                break;
            }

            if (await SendAsync(db, sender, messages[i]))
                sent++;
            else
                failed++;
        }

        return new OutboxRound(claimed.Count, sent, failed);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            LogDisabled();
            return;
        }

        LogStarted(WorkerName, _options.PollSeconds, _options.BatchSize);
        var poll = TimeSpan.FromSeconds(_options.PollSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var fullBatch = false;
            try
            {
                var round = await DispatchOnceAsync(stoppingToken);
                fullBatch = round.Claimed >= _options.BatchSize;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database may be away for a while; the next round tries again.
                LogRoundFailed(ex, _options.PollSeconds);
            }

            if (fullBatch)
                continue; // more may be waiting: no pause between full batches

            try
            {
                await Task.Delay(poll, _clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        LogStopped(WorkerName);
    }

    private async Task<List<Guid>> ClaimAsync(PortalDbContext db, CancellationToken ct)
    {
        var now = Now();
        DateTime? leaseUntil = now.AddSeconds(_options.LeaseSeconds);
        const int maxAttempts = OutboxMessage.MaxAttempts;
        var worker = WorkerName;

        // Look at more than a batch: other nodes may win some of these rows.
        var candidates = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.SentAtUtc == null && m.Attempts < maxAttempts && m.NextAttemptAtUtc <= now
                && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
            .OrderBy(m => m.NextAttemptAtUtc)
            .Select(m => m.Id)
            .Take(_options.BatchSize * 3)
            .ToListAsync(ct);

        var ours = new List<Guid>(Math.Min(candidates.Count, _options.BatchSize));
        foreach (var id in candidates)
        {
            if (ours.Count >= _options.BatchSize || ct.IsCancellationRequested)
                break;
            // The same conditions again, in the UPDATE itself: exactly one node's UPDATE changes the row.
            var affected = await db.OutboxMessages
                .Where(m => m.Id == id && m.SentAtUtc == null && m.Attempts < maxAttempts && m.NextAttemptAtUtc <= now
                    && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.LockedBy, worker)
                    .SetProperty(m => m.LockedUntilUtc, leaseUntil), CancellationToken.None);
            if (affected == 1)
                ours.Add(id);
        }

        return ours;
    }

    private async Task<bool> SendAsync(PortalDbContext db, IEmailSender sender, OutboxMessage message)
    {
        var worker = WorkerName;
        try
        {
            // Not tied to shutdown: a message being handed to the server is finished (or times out),
            // never cut off after the server accepted it but before we wrote it down.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.SendTimeoutSeconds));
            await sender.SendAsync(new EmailMessage(message.To, message.Subject, message.TextBody, message.HtmlBody), timeout.Token);
        }
        catch (Exception ex)
        {
            message.MarkFailed($"{ex.GetType().Name}: {ex.Message}", Now());
            var attempts = message.Attempts;
            var lastError = message.LastError;
            var nextAttempt = message.NextAttemptAtUtc;
            await db.OutboxMessages
                .Where(m => m.Id == message.Id && m.SentAtUtc == null && m.LockedBy == worker)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.Attempts, attempts)
                    .SetProperty(m => m.LastError, lastError)
                    .SetProperty(m => m.NextAttemptAtUtc, nextAttempt)
                    .SetProperty(m => m.LockedBy, (string?)null)
                    .SetProperty(m => m.LockedUntilUtc, (DateTime?)null), CancellationToken.None);
            if (message.GaveUp)
                LogGaveUp(message.Id, attempts);
            else
                LogSendFailed(message.Id, attempts, ex.GetType().Name, nextAttempt);
            return false;
        }

        message.MarkSent(Now());
        var sentAt = message.SentAtUtc;
        // Sent is sent: recorded whoever holds the lease now.
        await db.OutboxMessages
            .Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAtUtc, sentAt)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntilUtc, (DateTime?)null), CancellationToken.None);
        LogSent(message.Id, message.Attempts + 1);
        return true;
    }

    private async Task ReleaseAsync(PortalDbContext db, List<Guid> ids)
    {
        if (ids.Count == 0)
            return;
        var worker = WorkerName;
        await db.OutboxMessages
            .Where(m => ids.Contains(m.Id) && m.SentAtUtc == null && m.LockedBy == worker)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LockedBy, (string?)null)
                .SetProperty(m => m.LockedUntilUtc, (DateTime?)null), CancellationToken.None);
    }

    private DateTime Now() => _clock.GetUtcNow().UtcDateTime;

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox worker disabled (Outbox:Enabled=false)")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox worker {Worker} started: every {PollSeconds} s, {BatchSize} per round")]
    private partial void LogStarted(string worker, int pollSeconds, int batchSize);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox worker {Worker} stopped")]
    private partial void LogStopped(string worker);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox worker stopping: {Count} claimed message(s) handed back for the next round")]
    private partial void LogReleased(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox round failed; next try in {PollSeconds} s")]
    private partial void LogRoundFailed(Exception exception, int pollSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox message {MessageId} sent (attempt {Attempt})")]
    private partial void LogSent(Guid messageId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} not sent (attempt {Attempt}, {ErrorType}); next try at {NextAttemptAtUtc:u}")]
    private partial void LogSendFailed(Guid messageId, int attempt, string errorType, DateTime nextAttemptAtUtc);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} gave up after {Attempts} attempts; it stays in the outbox for an administrator")]
    private partial void LogGaveUp(Guid messageId, int attempts);
}
