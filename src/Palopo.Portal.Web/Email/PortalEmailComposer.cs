using System.Globalization;
using System.Net;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Application.Email;

namespace Palopo.Portal.Web.Email;

/// <summary>
/// Writes the portal's account e-mails in the recipient's language, as text and simple HTML,
/// always ending with the fixed anti-fraud footer.
/// </summary>
public sealed class PortalEmailComposer(IStringLocalizer<SharedResource> t)
{
    public EmailMessage ConfirmEmail(string to, string name, string link) =>
        Compose(to, t["Mail.Confirm.Subject"], t["Mail.Greeting", name], t["Mail.Confirm.Body"], t["Mail.Confirm.Action"], link, t["Mail.Confirm.Ignore"]);

    public EmailMessage ResetPassword(string to, string name, string link) =>
        Compose(to, t["Mail.Reset.Subject"], t["Mail.Greeting", name], t["Mail.Reset.Body"], t["Mail.Reset.Action"], link, t["Mail.Reset.Ignore"]);

    public EmailMessage StaffInvitation(string to, string name, string link, int validHours) =>
        Compose(to, t["Mail.Invite.Subject"], t["Mail.Greeting", name], t["Mail.Invite.Body", validHours], t["Mail.Invite.Action"], link, t["Mail.Invite.Ignore"]);

    private static EmailMessage Compose(string to, string subject, string greeting, string body, string action, string link, string closing)
    {
        var text = $"{greeting}\n\n{body}\n\n{action}:\n{link}\n\n{closing}\n\n--\n{AntiFraudFooter.Text}\n";
        var html =
            $"""
            <!doctype html><html lang="{CultureInfo.CurrentUICulture.TwoLetterISOLanguageName}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{Encode(subject)}</title></head>
            <body style="font-family:sans-serif;line-height:1.5;max-width:36rem">
            <p>{Encode(greeting)}</p><p>{Encode(body)}</p>
            <p><a href="{Encode(link)}">{Encode(action)}</a></p>
            <p style="font-size:90%;word-break:break-all">{Encode(link)}</p>
            <p>{Encode(closing)}</p>
            <hr><p style="font-size:85%;color:#444">{Encode(AntiFraudFooter.Text).Replace("\n", "<br>", StringComparison.Ordinal)}</p>
            </body></html>
            """;
        return new EmailMessage(to, subject, text, html);
    }

    private static string Encode(string s) => WebUtility.HtmlEncode(s);
}
