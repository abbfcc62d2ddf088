using Microsoft.Extensions.Options;
using Palopo.Portal.Application.Email;

namespace Palopo.Portal.Infrastructure.Email;

/// <summary>Writes each message as an .eml file: what Development and tests use instead of a mail server.</summary>
internal sealed class PickupFolderEmailSender(IOptions<EmailOptions> options, PortalPaths paths) : IEmailSender
{
    public async Task<string?> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var folder = paths.PickupDirectory;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        var mime = MimeMessageFactory.Create(options.Value, message);
        await mime.WriteToAsync(path, cancellationToken);
        return path;
    }
}
