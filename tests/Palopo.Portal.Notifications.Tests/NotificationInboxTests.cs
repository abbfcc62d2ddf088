using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Palopo.Portal.Application.Notifications;
using Palopo.Portal.Domain.Notifications;
using Palopo.Portal.Notifications.Tests.Support;
using Palopo.Portal.Testing;

namespace Palopo.Portal.Notifications.Tests;

/// <summary>The bell and /notifikasi's use cases: a user's own notifications only.</summary>
public sealed class NotificationInboxTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Lists_newest_first_twenty_a_page_and_counts_unread()
    {
        using var data = new TemporaryDirectory();
        var clock = new FakeTimeProvider(Start);
        await using var portal = new NotificationsPortal(data.Path, smtpPort: 25, clock, "node-a");
        await portal.InitializeAsync();
        var user = await portal.AddCitizenAsync("Siti Rahma", "siti@example.test", "id");
        var other = await portal.AddCitizenAsync("Andi", "andi@example.test", "id");
        await AddNotificationsAsync(portal, user.Id, 25);
        await AddNotificationsAsync(portal, other.Id, 3);

        var (first, second, unread) = await portal.InScopeAsync(async (sp, _) =>
        {
            var inbox = sp.GetRequiredService<NotificationInbox>();
            return (await inbox.ListAsync(user.Id, 1, default), await inbox.ListAsync(user.Id, 2, default), await inbox.CountUnreadAsync(user.Id, default));
        });

        Assert.Equal(25, unread);
        Assert.Equal(NotificationInbox.PageSize, first.Items.Count);
        Assert.True(first.HasNext);
        Assert.False(first.HasPrevious);
        Assert.Equal("PLP-2026-000025", first.Items[0].ReferenceNumber); // the newest
        Assert.Equal(first.Items.OrderByDescending(i => i.CreatedAtUtc).Select(i => i.Id), first.Items.Select(i => i.Id));
        Assert.Equal(5, second.Items.Count);
        Assert.False(second.HasNext);
        Assert.True(second.HasPrevious);
        Assert.Equal("PLP-2026-000001", second.Items[^1].ReferenceNumber);
        Assert.Empty(first.Items.Select(i => i.Id).Intersect(second.Items.Select(i => i.Id)));
    }

    [Fact]
    public async Task Opening_marks_read_and_another_users_notification_is_not_found()
    {
        using var data = new TemporaryDirectory();
        var clock = new FakeTimeProvider(Start);
        await using var portal = new NotificationsPortal(data.Path, smtpPort: 25, clock, "node-a");
        await portal.InitializeAsync();
        var user = await portal.AddCitizenAsync("Siti Rahma", "siti@example.test", "id");
        var other = await portal.AddCitizenAsync("Andi", "andi@example.test", "id");
        var mine = (await AddNotificationsAsync(portal, user.Id, 2))[0];
        var theirs = (await AddNotificationsAsync(portal, other.Id, 1))[0];

        var (opened, stolen, unreadMine, unreadTheirs) = await portal.InScopeAsync(async (sp, _) =>
        {
            var inbox = sp.GetRequiredService<NotificationInbox>();
            return (
                await inbox.OpenAsync(user.Id, mine.Id, default),
                await inbox.OpenAsync(user.Id, theirs.Id, default),
                await inbox.CountUnreadAsync(user.Id, default),
                await inbox.CountUnreadAsync(other.Id, default));
        });

        Assert.Equal(mine.ReferenceNumber, opened);
        Assert.Null(stolen);
        Assert.Equal(1, unreadMine);
        Assert.Equal(1, unreadTheirs); // untouched
    }

    [Fact]
    public async Task Mark_all_read_touches_only_the_users_own()
    {
        using var data = new TemporaryDirectory();
        var clock = new FakeTimeProvider(Start);
        await using var portal = new NotificationsPortal(data.Path, smtpPort: 25, clock, "node-a");
        await portal.InitializeAsync();
        var user = await portal.AddCitizenAsync("Siti Rahma", "siti@example.test", "id");
        var other = await portal.AddCitizenAsync("Andi", "andi@example.test", "id");
        await AddNotificationsAsync(portal, user.Id, 4);
        await AddNotificationsAsync(portal, other.Id, 2);

        var marked = await portal.InScopeAsync((sp, _) => sp.GetRequiredService<NotificationInbox>().MarkAllReadAsync(user.Id, default));

        Assert.Equal(4, marked);
        var unread = await portal.InScopeAsync((_, db) => db.Notifications.Where(n => n.ReadAtUtc == null).Select(n => n.UserId).ToListAsync());
        Assert.Equal([other.Id, other.Id], unread);
    }

    private static Task<List<Notification>> AddNotificationsAsync(NotificationsPortal portal, Guid userId, int count) =>
        portal.InScopeAsync(async (_, db) =>
        {
            var list = new List<Notification>();
            for (var i = 1; i <= count; i++)
            {
                portal.Clock.Advance(TimeSpan.FromMinutes(1));
                list.Add(new Notification(userId, NotificationKind.Submitted, null, $"PLP-2026-{i:D6}", portal.Clock.GetUtcNow().UtcDateTime));
            }

            db.Notifications.AddRange(list);
            await db.SaveChangesAsync();
            return list;
        });
}
