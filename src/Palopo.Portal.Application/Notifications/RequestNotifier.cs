using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Email;
using Palopo.Portal.Domain.Notifications;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Application.Notifications;

/// <summary>
/// Adds an in-app notification and an outbox e-mail for the applicant of a request, written in the
/// applicant's own language. Only the name, the reference number, the service and (for a rejection)
/// the reason go into the mail: no NIK, no answers, no documents. An assisted request that no account
/// has claimed yet gets nothing; a later claim links it to the citizen.
/// </summary>
public sealed class RequestNotifier(
    IPortalDbContext db,
    IApplicantDirectory applicants,
    IOptions<PortalOptions> portal,
    TimeProvider clock) : IRequestNotifier
{
    public async Task NotifyAsync(ServiceRequest request, NotificationKind kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        // No account to tell, or nothing the citizen can look up yet (a draft has no reference number).
        if (request.ApplicantUserId is not { } userId || request.ReferenceNumber is not { } reference)
            return;
        var contact = await applicants.FindAsync(userId, ct);
        if (contact is null)
            return;

        var now = clock.GetUtcNow().UtcDateTime;
        db.Notifications.Add(new Notification(userId, kind, request.Id, reference, now));

        if (string.IsNullOrWhiteSpace(contact.Email))
            return;
        var serviceName = await ServiceNameAsync(request.ServiceId, contact.Language, ct);
        var mail = Compose(kind, contact, reference, serviceName, request.DecisionReason, portal.Value.Absolute(RequestPath(reference)));
        db.OutboxMessages.Add(new OutboxMessage(contact.Email, mail.Subject, mail.TextBody, mail.HtmlBody, now));
    }

    public static string RequestPath(string referenceNumber) => "/permohonan/" + Uri.EscapeDataString(referenceNumber);

    /// <summary>The e-mail for <paramref name="kind"/> in the contact's language; both bodies end with the anti-fraud footer.</summary>
    public static EmailMessage Compose(NotificationKind kind, ApplicantContact contact, string reference, string serviceName, string? reason, string link)
    {
        ArgumentNullException.ThrowIfNull(contact);
        var culture = NotificationTexts.Culture(contact.Language);
        string T(string key) => NotificationTexts.Get(key, culture);

        var subject = NotificationTexts.Format($"{kind}.Subject", culture, reference, serviceName);
        var greeting = NotificationTexts.Format("Mail.Greeting", culture, contact.FullName);
        var body = NotificationTexts.Format($"{kind}.Body", culture, reference, serviceName);
        var showReason = kind == NotificationKind.Rejected && !string.IsNullOrWhiteSpace(reason);

        var text = new StringBuilder()
            .Append(greeting).Append("\n\n")
            .Append(body).Append("\n\n")
            .Append(T("Mail.ReferenceLabel")).Append(": ").Append(reference).Append('\n')
            .Append(T("Mail.ServiceLabel")).Append(": ").Append(serviceName).Append('\n');
        if (showReason)
            text.Append(T("Mail.ReasonLabel")).Append(": ").Append(reason!.Trim()).Append('\n');
        text.Append('\n')
            .Append(T("Mail.Action")).Append(":\n").Append(link).Append('\n')
            .Append(T("Mail.SignIn")).Append("\n\n")
            .Append(T("Mail.Signature")).Append('\n')
            .Append(T("Mail.Automated")).Append("\n\n--\n")
            .Append(AntiFraudFooter.Text).Append('\n');

        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<!doctype html><html lang=\"{culture.TwoLetterISOLanguageName}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{WebUtility.HtmlEncode(subject)}</title></head><body style=\"font-family:sans-serif;line-height:1.5;max-width:36rem\">")
            .Append("<p>").Append(Encode(greeting)).Append("</p>")
            .Append("<p>").Append(Encode(body)).Append("</p>")
            .Append("<p>").Append(Encode(T("Mail.ReferenceLabel"))).Append(": <strong>").Append(Encode(reference)).Append("</strong><br>")
            .Append(Encode(T("Mail.ServiceLabel"))).Append(": ").Append(Encode(serviceName));
        if (showReason)
            html.Append("<br>").Append(Encode(T("Mail.ReasonLabel"))).Append(": ").Append(Encode(reason!.Trim()));
        html.Append("</p>")
            .Append("<p><a href=\"").Append(Encode(link)).Append("\">").Append(Encode(T("Mail.Action"))).Append("</a></p>")
            .Append("<p style=\"font-size:90%;word-break:break-all\">").Append(Encode(link)).Append("</p>")
            .Append("<p>").Append(Encode(T("Mail.SignIn"))).Append("</p>")
            .Append("<p>").Append(Encode(T("Mail.Signature"))).Append("<br><small>").Append(Encode(T("Mail.Automated"))).Append("</small></p>")
            .Append("<hr><p style=\"font-size:85%;color:#444\">")
            .Append(Encode(AntiFraudFooter.Text).Replace("\n", "<br>", StringComparison.Ordinal))
            .Append("</p></body></html>");

        return new EmailMessage(contact.Email ?? "", subject, text.ToString(), html.ToString());
    }

    private async Task<string> ServiceNameAsync(Guid serviceId, string language, CancellationToken ct)
    {
        var name = await db.Services.AsNoTracking()
            .Where(s => s.Id == serviceId)
            .Select(s => new { s.Name.Id, s.Name.En })
            .FirstOrDefaultAsync(ct);
        return name is null ? "" : new Domain.Common.LocalizedText(name.Id, name.En).For(language);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
