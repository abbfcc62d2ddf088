using Microsoft.Extensions.Options;
using Palopo.Portal.Application.Email;

namespace Palopo.Portal.Infrastructure.Email;

/// <summary>
/// Writes each message as an .eml file: what Development and tests use instead of a mail server.
/// The file is written under another name and then renamed, so whoever watches the folder (a relay,
/// the dev mail page, a test) never opens a message that is still being written.
/// </summary>
internal sealed class PickupFolderEmailSender(IOptions<EmailOptions> options, PortalPaths paths) : IEmailSender
{
    public async Task<string?> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var folder = paths.PickupDirectory;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        var mime = MimeMessageFactory.Create(options.Value, message);
        var partial = path + ".part";
        await mime.WriteToAsync(partial, cancellationToken);
        File.Move(partial, path);
        return path;
    }
}
