using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Palopo.Portal.Application.Caching;
using Palopo.Portal.Domain.Notifications;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Infrastructure.Identity;

namespace Palopo.Portal.Infrastructure.Caching;

/// <summary>
/// Notifications and requests are changed by many handlers, each saving in its own unit of work,
/// often inside a transaction. Rather than have each remember to signal, this watches saves and,
/// after the commit (or after the save when there is no transaction), sends the signals the
/// changes call for (ADR 0015):
/// <list type="bullet">
/// <item>a notification added, read or removed: <see cref="CacheTopics.Inbox"/> for its person, so
/// the header's unread count is never served stale;</item>
/// <item>a submitted request (it has a due date) added, changed or removed: <see cref="CacheTopics.Queue"/>
/// for its agency and <see cref="CacheTopics.Request"/> for itself;</item>
/// <item>a person's name changed or an account removed: <see cref="CacheTopics.Queue"/> for every
/// agency, as queues show applicants' and officers' names.</item>
/// </list>
/// </summary>
internal sealed class ChangeSignalInterceptor(ICacheSignals signals) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private readonly ConditionalWeakTable<DbContext, HashSet<(string Topic, string Key)>> _pending = [];

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
        HashSet<(string, string)>? pending = null;
        void Add(string topic, string key) => (pending ??= _pending.GetOrCreateValue(context)).Add((topic, key));

        foreach (var entry in context.ChangeTracker.Entries<Notification>())
        {
            if (IsChanged(entry.State))
                Add(CacheTopics.Inbox, entry.Entity.UserId.ToString("D"));
        }

        foreach (var entry in context.ChangeTracker.Entries<ServiceRequest>())
        {
            if (!IsChanged(entry.State))
                continue;
            // A draft has no due date and is in no queue: saving one (often) must not empty the agency's queue cache.
            var agency = entry.Property(r => r.AgencyId);
            var due = entry.Property(r => r.DueOn);
            var submittedNow = due.CurrentValue is not null;
            var submittedBefore = entry.State != EntityState.Added && due.OriginalValue is not null;
            if (submittedNow)
                Add(CacheTopics.Queue, agency.CurrentValue.ToString("D"));
            if (submittedBefore)
                Add(CacheTopics.Queue, agency.OriginalValue.ToString("D"));
            if (submittedNow || submittedBefore)
                Add(CacheTopics.Request, entry.Entity.Id.ToString("D"));
        }

        foreach (var entry in context.ChangeTracker.Entries<PortalUser>())
        {
            // UserManager.UpdateAsync marks every column modified (a sign-in, a lockout count): only a
            // name that really differs from the one read empties every agency's queue.
            var name = entry.Property(u => u.FullName);
            if (entry.State == EntityState.Deleted || (entry.State == EntityState.Modified && name.IsModified && !string.Equals(name.OriginalValue, name.CurrentValue, StringComparison.Ordinal)))
                Add(CacheTopics.Queue, CacheTopics.AllKeys);
        }
    }

    private static bool IsChanged(EntityState state) => state is EntityState.Added or EntityState.Modified or EntityState.Deleted;

    private async ValueTask PublishAsync(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending) || pending.Count == 0)
            return;
        var signalsToSend = pending.ToList();
        pending.Clear();
        foreach (var (topic, key) in signalsToSend)
            await signals.PublishAsync(topic, key, CancellationToken.None);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null && _pending.TryGetValue(context, out var pending))
            pending.Clear();
    }
}
