using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Caching;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Notifications;

namespace Palopo.Portal.Application.Notifications;

/// <summary>One line of a user's notification list.</summary>
public sealed record NotificationItem(Guid Id, NotificationKind Kind, string ReferenceNumber, DateTime CreatedAtUtc, bool IsRead);

/// <summary>A page of a user's notifications, newest first.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationItem> Items, int Page, bool HasPrevious, bool HasNext, int UnreadCount);

/// <summary>
/// A user's own notifications (the bell): count unread, list, open one, mark all read. Every query
/// is filtered by the user's id, so nobody reaches another person's notifications.
/// </summary>
public sealed class NotificationInbox(IPortalDbContext db, UnreadCountCache unreadCounts, ICacheSignals signals, TimeProvider clock)
{
    public const int PageSize = 20;

    /// <summary>One COUNT over the (UserId, ReadAtUtc, CreatedAtUtc) index, compiled (ADR 0014).</summary>
    private static readonly PerModelQuery<Func<DbContext, Guid, CancellationToken, Task<int>>> UnreadCount = new(() =>
        EF.CompileAsyncQuery((DbContext db, Guid userId, CancellationToken ct) =>
            db.Set<Notification>().Count(n => n.UserId == userId && n.ReadAtUtc == null)));

    /// <summary>
    /// The header's count on every signed-in page: kept in memory until the person's notifications
    /// change on any node (<see cref="CacheTopics.Inbox"/>, sent after each save that adds, reads or
    /// removes one; ADR 0015).
    /// </summary>
    public Task<int> CountUnreadAsync(Guid userId, CancellationToken ct) =>
        unreadCounts.Entries.GetOrLoadAsync(userId, clock.GetUtcNow().UtcDateTime, UnreadCountCache.Lifetime,
            () => UnreadCount.For(db)((DbContext)db, userId, ct));

    public async Task<NotificationPage> ListAsync(Guid userId, int page, CancellationToken ct)
    {
        page = Math.Clamp(page, 1, 10_000);
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(n => new NotificationItem(n.Id, n.Kind, n.ReferenceNumber, n.CreatedAtUtc, n.ReadAtUtc != null))
            .ToListAsync(ct);
        var unread = await CountUnreadAsync(userId, ct);
        return new NotificationPage(rows.Take(PageSize).ToList(), page, page > 1, rows.Count > PageSize, unread);
    }

    /// <summary>Marks the user's notification read and returns its request's reference number; null if it is not theirs.</summary>
    public async Task<string?> OpenAsync(Guid userId, Guid notificationId, CancellationToken ct)
    {
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == notificationId && n.UserId == userId, ct);
        if (notification is null)
            return null;
        if (!notification.IsRead)
        {
            notification.MarkRead(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }

        return notification.ReferenceNumber;
    }

    /// <returns>How many were unread.</returns>
    public async Task<int> MarkAllReadAsync(Guid userId, CancellationToken ct)
    {
        DateTime? now = clock.GetUtcNow().UtcDateTime;
        var marked = await db.Notifications
            .Where(n => n.UserId == userId && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
        // A bulk update bypasses the save that signals; say it here.
        await signals.PublishAsync(CacheTopics.Inbox, userId.ToString("D"), CancellationToken.None);
        return marked;
    }
}

/// <summary>Each person's unread count on this node; dropped when their notifications change on any node.</summary>
public sealed class UnreadCountCache
{
    /// <summary>A safety net only: a change reaches every node through its signal.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public UnreadCountCache(CacheSignalBus bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        Entries = new(bus, capacity: 50_000);
        Entries.EvictOn(CacheTopics.Inbox, Guid.TryParse);
    }

    internal SignalledCache<Guid, int> Entries { get; }
}
