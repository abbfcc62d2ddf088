using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Palopo.Portal.Application.Email;
using Palopo.Portal.Application.Notifications;
using Palopo.Portal.Domain.Notifications;
using Palopo.Portal.Notifications.Tests.Support;
using Palopo.Portal.Testing;

namespace Palopo.Portal.Notifications.Tests;

/// <summary>What the notifier writes: one in-app notification and one outbox e-mail, in the applicant's language.</summary>
public sealed partial class RequestNotifierTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("id", "Permohonan {0} telah diterima", "Yth. Siti Rahma,", "Lihat permohonan Anda")]
    [InlineData("en", "Request {0} received", "Dear Siti Rahma,", "View your request")]
    public async Task Submitted_request_gives_one_notification_and_one_mail_in_the_applicants_language(
        string language, string subjectFormat, string greeting, string action)
    {
        using var data = new TemporaryDirectory();
        await using var portal = new NotificationsPortal(data.Path, smtpPort: 25, new FakeTimeProvider(Start), "node-a");
        await portal.InitializeAsync();
        var user = await portal.AddCitizenAsync("Siti Rahma", "siti.rahma@example.test", language);

        var request = await portal.SubmitAsync(user.Id);

        var (notifications, outbox, names) = await portal.InScopeAsync(async (_, db) => (
            await db.Notifications.AsNoTracking().ToListAsync(),
            await db.OutboxMessages.AsNoTracking().ToListAsync(),
            await db.Services.AsNoTracking().Where(s => s.Id == request.ServiceId).Select(s => new { s.Name.Id, s.Name.En }).SingleAsync()));

        var notification = Assert.Single(notifications);
        Assert.Equal(user.Id, notification.UserId);
        Assert.Equal(NotificationKind.Submitted, notification.Kind);
        Assert.Equal(request.Id, notification.RequestId);
        Assert.Equal(request.ReferenceNumber, notification.ReferenceNumber);
        Assert.False(notification.IsRead);

        var mail = Assert.Single(outbox);
        Assert.Equal("siti.rahma@example.test", mail.To);
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, subjectFormat, request.ReferenceNumber), mail.Subject);
        Assert.StartsWith(greeting, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(action, mail.TextBody, StringComparison.Ordinal);

        // The service's name in the recipient's language (the seed has both, and they differ).
        Assert.NotEqual(names.Id, names.En);
        var expectedName = language == "en" ? names.En : names.Id;
        var otherName = language == "en" ? names.Id : names.En;
        Assert.Contains(expectedName, mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(otherName, mail.TextBody, StringComparison.Ordinal);

        // An absolute link to the request, from Portal:PublicBaseUrl.
        var link = $"{NotificationsPortal.PublicBaseUrl}/permohonan/{request.ReferenceNumber}";
        Assert.Contains(link, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", mail.HtmlBody, StringComparison.Ordinal);

        // Always the anti-fraud footer, last.
        Assert.EndsWith(AntiFraudFooter.Text, mail.TextBody.TrimEnd(), StringComparison.Ordinal);
        Assert.Contains(WebUtility.HtmlEncode(AntiFraudFooter.Text.Split('\n')[0]), mail.HtmlBody, StringComparison.Ordinal);
        Assert.EndsWith("</p></body></html>", mail.HtmlBody, StringComparison.Ordinal);

        // No personal data beyond the name: no NIK-like number, no tracking code (it opens /lacak).
        Assert.DoesNotMatch(SixteenDigits(), mail.TextBody + mail.HtmlBody + mail.Subject);
        Assert.DoesNotContain(request.TrackingCode!, mail.TextBody + mail.HtmlBody + mail.Subject, StringComparison.Ordinal);

        Assert.Null(mail.SentAtUtc);
        Assert.Equal(0, mail.Attempts);
        Assert.Equal(Start.UtcDateTime, mail.NextAttemptAtUtc);
    }

    [Fact]
    public async Task Assisted_request_without_an_account_produces_nothing()
    {
        using var data = new TemporaryDirectory();
        await using var portal = new NotificationsPortal(data.Path, smtpPort: 25, new FakeTimeProvider(Start), "node-a");
        await portal.InitializeAsync();

        var request = await portal.SubmitAsync(applicantUserId: null);

        var (requests, notifications, outbox) = await portal.InScopeAsync(async (_, db) => (
            await db.ServiceRequests.CountAsync(),
            await db.Notifications.CountAsync(),
            await db.OutboxMessages.CountAsync()));
        Assert.NotNull(request.ReferenceNumber);
        Assert.Equal(1, requests);
        Assert.Equal(0, notifications);
        Assert.Equal(0, outbox);
    }

    [Fact]
    public async Task Account_without_a_confirmed_address_gets_the_notification_but_no_mail()
    {
        using var data = new TemporaryDirectory();
        await using var portal = new NotificationsPortal(data.Path, smtpPort: 25, new FakeTimeProvider(Start), "node-a");
        await portal.InitializeAsync();
        var user = await portal.AddCitizenAsync("Andi Makkasau", "andi@example.test", "id");
        await portal.InScopeAsync((_, db) => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, false)));

        await portal.SubmitAsync(user.Id);

        var (notifications, outbox) = await portal.InScopeAsync(async (_, db) => (await db.Notifications.CountAsync(), await db.OutboxMessages.CountAsync()));
        Assert.Equal(1, notifications);
        Assert.Equal(0, outbox);
    }

    [Theory]
    [InlineData("id", "Alasan: Foto akta buram")]
    [InlineData("en", "Reason: Foto akta buram")]
    public void Rejection_mail_carries_the_reason(string language, string reasonLine)
    {
        var mail = RequestNotifier.Compose(
            NotificationKind.Rejected, new ApplicantContact(Guid.NewGuid(), "Siti", "siti@example.test", language),
            "PLP-2026-000042", "Akta Kelahiran", "Foto akta buram", "https://x.test/permohonan/PLP-2026-000042");

        Assert.Contains(reasonLine, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Foto akta buram", mail.HtmlBody, StringComparison.Ordinal);
        Assert.EndsWith(AntiFraudFooter.Text, mail.TextBody.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_kind_has_its_own_texts_in_both_languages_and_ends_with_the_footer()
    {
        foreach (var kind in Enum.GetValues<NotificationKind>())
        {
            var subjects = new Dictionary<string, string>();
            foreach (var language in new[] { "id", "en" })
            {
                var mail = RequestNotifier.Compose(
                    kind, new ApplicantContact(Guid.NewGuid(), "Siti", "siti@example.test", language),
                    "PLP-2026-000042", "Akta Kelahiran", "ALASAN-UJI", "https://x.test/permohonan/PLP-2026-000042");
                Assert.Contains("PLP-2026-000042", mail.Subject, StringComparison.Ordinal);
                Assert.Contains("PLP-2026-000042", mail.TextBody, StringComparison.Ordinal);
                Assert.Contains("Akta Kelahiran", mail.TextBody, StringComparison.Ordinal);
                Assert.EndsWith(AntiFraudFooter.Text, mail.TextBody.TrimEnd(), StringComparison.Ordinal);
                Assert.Equal(kind == NotificationKind.Rejected, mail.TextBody.Contains("ALASAN-UJI", StringComparison.Ordinal));
                subjects[language] = mail.Subject;
            }

            Assert.NotEqual(subjects["id"], subjects["en"]);
        }
    }

    [Fact]
    public void Names_are_html_encoded_in_the_html_body()
    {
        var mail = RequestNotifier.Compose(
            NotificationKind.Submitted, new ApplicantContact(Guid.NewGuid(), "<script>alert(1)</script>", "x@example.test", "id"),
            "PLP-2026-000042", "Akta <b>Kelahiran</b>", null, "https://x.test/permohonan/PLP-2026-000042");

        Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", mail.HtmlBody, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\d{16}")]
    private static partial Regex SixteenDigits();
}
