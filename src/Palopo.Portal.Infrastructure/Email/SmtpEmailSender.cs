using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using Palopo.Portal.Application.Email;

namespace Palopo.Portal.Infrastructure.Email;

internal sealed class SmtpEmailSender(IOptions<EmailOptions> options) : IEmailSender
{
    public async Task<string?> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        await client.ConnectAsync(
            settings.SmtpHost, settings.SmtpPort,
            settings.SmtpUseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None,
            cancellationToken);
        if (!string.IsNullOrEmpty(settings.SmtpUser))
            await client.AuthenticateAsync(settings.SmtpUser, settings.SmtpPassword ?? "", cancellationToken);
        await client.SendAsync(MimeMessageFactory.Create(settings, message), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        return null;
    }
}
