using System.Globalization;
using System.Net;
using System.Text;
using Palopo.Portal.Application.Email;
using Palopo.Portal.Domain.Notifications;

namespace Palopo.Portal.Application.PersonalData;

/// <summary>Composes the plain personal-data e-mails (rights answers, breach notices) with the anti-fraud footer.</summary>
internal static class PersonalDataMail
{
    public static OutboxMessage Compose(string to, string language, string fullName, string subjectKey, IReadOnlyList<string> paragraphs, string? link, DateTime nowUtc)
    {
        var culture = PersonalDataTexts.Culture(language);
        var subject = PersonalDataTexts.Get(subjectKey, culture);
        var greeting = PersonalDataTexts.Format("Mail.Greeting", culture, fullName);
        var signature = PersonalDataTexts.Get("Mail.Signature", culture);

        var text = new StringBuilder().Append(greeting).Append("\n\n");
        foreach (var p in paragraphs)
            text.Append(p).Append("\n\n");
        if (link is not null)
            text.Append(link).Append("\n\n");
        text.Append(signature).Append("\n\n--\n").Append(AntiFraudFooter.Text).Append('\n');

        var html = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<!doctype html><html lang=\"{culture.TwoLetterISOLanguageName}\"><head><meta charset=\"utf-8\"><title>{E(subject)}</title></head><body>")
            .Append("<p>").Append(E(greeting)).Append("</p>");
        foreach (var p in paragraphs)
            html.Append("<p>").Append(E(p).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        if (link is not null)
            html.Append("<p><a href=\"").Append(E(link)).Append("\">").Append(E(link)).Append("</a></p>");
        html.Append("<p>").Append(E(signature)).Append("</p><hr><p>")
            .Append(E(AntiFraudFooter.Text).Replace("\n", "<br>", StringComparison.Ordinal))
            .Append("</p></body></html>");
        return new OutboxMessage(to, subject, text.ToString(), html.ToString(), nowUtc);
    }

    private static string E(string value) => WebUtility.HtmlEncode(value);
}
