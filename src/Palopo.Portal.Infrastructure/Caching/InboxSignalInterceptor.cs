using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Palopo.Portal.Application.Caching;
using Palopo.Portal.Domain.Notifications;

namespace Palopo.Portal.Infrastructure.Caching;

/// <summary>
/// Notifications are added by many handlers (through <c>IRequestNotifier</c>), each saving in its
/// own unit of work, often inside a transaction. Rather than have each remember to signal, this
/// watches saves: whose notifications were added, read or removed, and after the commit (or after
/// the save when there is no transaction) sends an <see cref="CacheTopics.Inbox"/> signal for each
/// of them, so the header's unread count is never served stale (ADR 0015).
/// </summary>
internal sealed class InboxSignalInterceptor(ICacheSignals signals) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<Guid>> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
            PublishAsync(eventData.Context).AsTask().GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
            await PublishAsync(eventData.Context);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        PublishAsync(eventData.Context).AsTask().GetAwaiter().GetResult();

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        PublishAsync(eventData.Context).AsTask();

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
            return;
        HashSet<Guid>? users = null;
        foreach (var entry in context.ChangeTracker.Entries<Notification>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
                (users ??= _pending.GetOrCreateValue(context)).Add(entry.Entity.UserId);
        }
    }

    private async ValueTask PublishAsync(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var users) || users.Count == 0)
            return;
        var ids = users.ToList();
        users.Clear();
        foreach (var id in ids)
            await signals.PublishAsync(CacheTopics.Inbox, id.ToString("D"), CancellationToken.None);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var users))
            users.Clear();
    }
}
