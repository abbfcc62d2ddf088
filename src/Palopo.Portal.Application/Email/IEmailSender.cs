namespace Palopo.Portal.Application.Email;

/// <summary>Hands an e-mail to the mail transport (SMTP, or a pickup folder in Development).</summary>
public interface IEmailSender
{
    /// <returns>Where the message went: a file path for the pickup folder, or null for SMTP.</returns>
    Task<string?> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
