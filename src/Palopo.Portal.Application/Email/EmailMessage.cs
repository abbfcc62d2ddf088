namespace Palopo.Portal.Application.Email;

/// <summary>An e-mail to one recipient. Bodies are plain text and HTML; both end with the anti-fraud footer.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string HtmlBody);
