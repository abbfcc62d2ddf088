using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Palopo.Portal.Application.Email;
using Palopo.Portal.Domain.Notifications;
using Palopo.Portal.Infrastructure.Notifications;
using Palopo.Portal.Notifications.Tests.Support;
using Palopo.Portal.Testing;
using Xunit.Abstractions;

namespace Palopo.Portal.Notifications.Tests;

/// <summary>
/// The outbox worker against a real SQLite file and a real SMTP server on a loopback port,
/// sending through the portal's own <c>SmtpEmailSender</c> (Email:Delivery=Smtp).
/// </summary>
public sealed class OutboxDispatcherTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Notification_mail_is_delivered_over_smtp_exactly_once()
    {
        using var smtp = SmtpTestServer.StartOnFreePort();
        using var data = new TemporaryDirectory();
        var clock = new FakeTimeProvider(Start);
        await using var portal = new NotificationsPortal(data.Path, smtp.Port, clock, "node-a");
        await portal.InitializeAsync();
        var user = await portal.AddCitizenAsync("Siti Rahma", "siti.rahma@example.test", "id");
        var request = await portal.SubmitAsync(user.Id);

        var first = await portal.Dispatcher.DispatchOnceAsync(CancellationToken.None);
        var second = await portal.Dispatcher.DispatchOnceAsync(CancellationToken.None);
        await Wait.UntilAsync(() => smtp.Received.Count >= 1);
        await Task.Delay(200); // room for a duplicate to show up, if there were one

        Assert.Equal(new OutboxRound(1, 1, 0), first);
        Assert.Equal(new OutboxRound(0, 0, 0), second);
        var mail = Assert.Single(smtp.Received);
        Assert.Equal("siti.rahma@example.test", mail.To.Mailboxes.Single().Address);
        Assert.Equal("layanan@palopokota.go.id", mail.From.Mailboxes.Single().Address);
        Assert.Equal($"Permohonan {request.ReferenceNumber} telah diterima", mail.Subject);
        Assert.Contains($"/permohonan/{request.ReferenceNumber}", mail.TextBody, StringComparison.Ordinal);
        Assert.EndsWith(AntiFraudFooter.Text, (mail.TextBody ?? "").TrimEnd(), StringComparison.Ordinal);
        Assert.NotNull(mail.HtmlBody);

        var row = Assert.Single(await portal.OutboxAsync());
        Assert.Equal(Start.UtcDateTime, row.SentAtUtc);
        Assert.Equal(0, row.Attempts);
        Assert.Null(row.LockedBy);
        Assert.Null(row.LockedUntilUtc);
        AssertNoAddressesLogged(portal);
    }

    [Fact]
    public async Task Mail_waits_while_the_smtp_server_is_down_and_is_delivered_once_when_it_is_back()
    {
        using var smtp = SmtpTestServer.OnFreePort(); // nothing listening yet: connection refused
        using var data = new TemporaryDirectory();
        var clock = new FakeTimeProvider(Start);
        await using var portal = new NotificationsPortal(data.Path, smtp.Port, clock, "node-a");
        await portal.InitializeAsync();
        var user = await portal.AddCitizenAsync("Siti Rahma", "siti.rahma@example.test", "en");
        var request = await portal.SubmitAsync(user.Id);

        var down = await portal.Dispatcher.DispatchOnceAsync(CancellationToken.None);

        Assert.Equal(new OutboxRound(1, 0, 1), down);
        var kept = Assert.Single(await portal.OutboxAsync());
        Assert.Null(kept.SentAtUtc);
        Assert.Equal(1, kept.Attempts);
        Assert.True(kept.NextAttemptAtUtc > clock.GetUtcNow().UtcDateTime, "the next attempt is in the future");
        Assert.Equal(Start.UtcDateTime.AddSeconds(30), kept.NextAttemptAtUtc);
        Assert.NotNull(kept.LastError);
        Assert.Null(kept.LockedBy);
        Assert.Contains(portal.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains(kept.Id.ToString(), StringComparison.Ordinal));

        // The server is back, but the back-off has not passed: nothing is sent yet.
        smtp.Start();
        Assert.Equal(new OutboxRound(0, 0, 0), await portal.Dispatcher.DispatchOnceAsync(CancellationToken.None));

        clock.Advance(TimeSpan.FromSeconds(31));
        var back = await portal.Dispatcher.DispatchOnceAsync(CancellationToken.None);
        var after = await portal.Dispatcher.DispatchOnceAsync(CancellationToken.None);
        await Wait.UntilAsync(() => smtp.Received.Count >= 1);
        await Task.Delay(200);

        Assert.Equal(new OutboxRound(1, 1, 0), back);
        Assert.Equal(new OutboxRound(0, 0, 0), after);
        var mail = Assert.Single(smtp.Received);
        Assert.Equal($"Request {request.ReferenceNumber} received", mail.Subject);
        var sent = Assert.Single(await portal.OutboxAsync());
        Assert.Equal(clock.GetUtcNow().UtcDateTime, sent.SentAtUtc);
        Assert.Equal(1, sent.Attempts);
        Assert.Null(sent.LastError);
        AssertNoAddressesLogged(portal);
    }

    [Fact]
    public async Task Two_nodes_dispatching_at_once_deliver_each_of_50_messages_exactly_once()
    {
        using var smtp = SmtpTestServer.StartOnFreePort();
        using var data = new TemporaryDirectory();
        var clock = new FakeTimeProvider(Start);
        await using var nodeA = new NotificationsPortal(data.Path, smtp.Port, clock, "node-a");
        await using var nodeB = new NotificationsPortal(data.Path, smtp.Port, clock, "node-b");
        await nodeA.InitializeAsync();
        var queued = await nodeA.EnqueueAsync(50, "Uji paralel");

        var counts = await Task.WhenAll(Task.Run(() => DrainAsync(nodeA)), Task.Run(() => DrainAsync(nodeB)));
        await Wait.UntilAsync(() => smtp.Received.Count >= 50);
        await Task.Delay(300);

        Assert.Equal("node-a", nodeA.Dispatcher.WorkerName);
        Assert.Equal("node-b", nodeB.Dispatcher.WorkerName);
        output.WriteLine($"node-a sent {counts[0]}, node-b sent {counts[1]}");
        Assert.Equal(50, counts.Sum());
        var subjects = smtp.Received.Select(m => m.Subject).ToList();
        Assert.Equal(50, subjects.Count);
        Assert.Equal(queued.Select(m => m.Subject).Order(StringComparer.Ordinal), subjects.Order(StringComparer.Ordinal));
        var rows = await nodeB.OutboxAsync();
        Assert.All(rows, r =>
        {
            Assert.NotNull(r.SentAtUtc);
            Assert.Null(r.LockedBy);
            Assert.Equal(0, r.Attempts);
        });
    }

    [Fact]
    public async Task A_crashed_nodes_lease_holds_until_it_expires_then_another_node_sends()
    {
        using var smtp = SmtpTestServer.StartOnFreePort();
        using var data = new TemporaryDirectory();
        var clock = new FakeTimeProvider(Start);
        await using var portal = new NotificationsPortal(data.Path, smtp.Port, clock, "node-b");
        await portal.InitializeAsync();
        var message = Assert.Single(await portal.EnqueueAsync(1, "Lease"));
        DateTime? leaseUntil = Start.UtcDateTime.AddSeconds(120);
        await portal.InScopeAsync((_, db) => db.OutboxMessages.Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedBy, "crashed-node").SetProperty(m => m.LockedUntilUtc, leaseUntil)));

        Assert.Equal(new OutboxRound(0, 0, 0), await portal.Dispatcher.DispatchOnceAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromSeconds(121));
        Assert.Equal(new OutboxRound(1, 1, 0), await portal.Dispatcher.DispatchOnceAsync(CancellationToken.None));
        await Wait.UntilAsync(() => smtp.Received.Count >= 1);

        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task A_message_that_used_up_its_attempts_is_left_for_an_admin_and_logged_as_an_error_once()
    {
        using var smtp = SmtpTestServer.OnFreePort(); // down for good
        using var data = new TemporaryDirectory();
        var clock = new FakeTimeProvider(Start);
        await using var portal = new NotificationsPortal(data.Path, smtp.Port, clock, "node-a");
        await portal.InitializeAsync();
        var message = Assert.Single(await portal.EnqueueAsync(1, "Menyerah"));
        await portal.InScopeAsync((_, db) => db.OutboxMessages.Where(m => m.Id == message.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Attempts, OutboxMessage.MaxAttempts - 1)));

        Assert.Equal(new OutboxRound(1, 0, 1), await portal.Dispatcher.DispatchOnceAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(new OutboxRound(0, 0, 0), await portal.Dispatcher.DispatchOnceAsync(CancellationToken.None));

        var row = Assert.Single(await portal.OutboxAsync());
        Assert.True(row.GaveUp);
        Assert.Null(row.SentAtUtc);
        Assert.Equal(OutboxMessage.MaxAttempts, row.Attempts);
        Assert.Single(portal.Logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains(message.Id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_background_worker_sends_and_stops_cleanly()
    {
        using var smtp = SmtpTestServer.StartOnFreePort();
        using var data = new TemporaryDirectory();
        await using var portal = new NotificationsPortal(data.Path, smtp.Port, new FakeTimeProvider(Start), "node-a");
        await portal.InitializeAsync();
        await portal.EnqueueAsync(3, "Latar");

        var worker = portal.Dispatcher;
        await worker.StartAsync(CancellationToken.None);
        await Wait.UntilAsync(() => smtp.Received.Count >= 3);
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(3, smtp.Received.Count);
        Assert.All(await portal.OutboxAsync(), r => Assert.NotNull(r.SentAtUtc));
        Assert.True(worker.ExecuteTask?.IsCompletedSuccessfully, "the worker's loop ended without an exception");
        Assert.Contains(portal.Logs.Lines, l => l.Message.Contains("Outbox worker node-a stopped", StringComparison.Ordinal));
    }

    private static async Task<int> DrainAsync(NotificationsPortal node)
    {
        var sent = 0;
        for (var round = 0; round < 500; round++)
        {
            var result = await node.Dispatcher.DispatchOnceAsync(CancellationToken.None);
            sent += result.Sent;
            if (result.Claimed > 0)
                continue;
            var unsent = await node.InScopeAsync((_, db) => db.OutboxMessages.CountAsync(m => m.SentAtUtc == null));
            if (unsent == 0)
                break;
            await Task.Delay(10); // the other node holds the rest
        }

        return sent;
    }

    /// <summary>The portal's own logs carry message ids only, never an e-mail address (EF's SQL logs name "@p0" parameters, hence the category filter).</summary>
    private static void AssertNoAddressesLogged(NotificationsPortal portal)
    {
        var ours = portal.Logs.Lines.Where(l => l.Category.StartsWith("Palopo.", StringComparison.Ordinal)).ToList();
        Assert.Contains(ours, l => l.Category == typeof(OutboxDispatcher).FullName);
        Assert.DoesNotContain(ours, l => l.Message.Contains('@', StringComparison.Ordinal) || l.Message.Contains("example.test", StringComparison.Ordinal));
    }
}
