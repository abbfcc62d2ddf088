using Microsoft.AspNetCore.Mvc;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Notifications;

namespace Palopo.Portal.Web.ViewComponents;

/// <summary>
/// The header's "Notifikasi (3)" link for a signed-in user: one COUNT of unread notifications.
/// A failing count never breaks the page around it (the error page uses this layout too).
/// </summary>
public sealed partial class NotificationBellViewComponent(NotificationInbox inbox, ICurrentUser user, ILogger<NotificationBellViewComponent> logger) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var unread = 0;
        if (user.Id is { } userId)
        {
            try
            {
                unread = await inbox.CountUnreadAsync(userId, HttpContext.RequestAborted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogCountFailed(ex);
            }
        }

        return View(unread);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count unread notifications for the header")]
    private partial void LogCountFailed(Exception exception);
}
