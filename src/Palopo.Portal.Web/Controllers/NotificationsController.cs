using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Notifications;
using Palopo.Portal.Web.Framework;

namespace Palopo.Portal.Web.Controllers;

/// <summary>
/// The signed-in user's notifications (/notifikasi): newest first, 20 a page; opening one marks it
/// read and goes to its request. Everything is filtered by the user's own id, so another person's
/// notification answers 404. Plain forms: works without JavaScript.
/// </summary>
[Authorize]
[Route("notifikasi")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class NotificationsController(NotificationInbox inbox, ICurrentUser user, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "halaman")] int page, CancellationToken ct)
    {
        if (user.Id is not { } userId)
            return Challenge();
        return View(await inbox.ListAsync(userId, page < 1 ? 1 : page, ct));
    }

    [HttpPost("tandai-semua")]
    public async Task<IActionResult> MarkAllRead(CancellationToken ct)
    {
        if (user.Id is not { } userId)
            return Challenge();
        await inbox.MarkAllReadAsync(userId, ct);
        TempData[TempKeys.Status] = t["Notifications.MarkedAllRead"].Value;
        return Redirect("/notifikasi");
    }

    [HttpPost("{id:guid}/baca")]
    public async Task<IActionResult> Open(Guid id, CancellationToken ct)
    {
        if (user.Id is not { } userId)
            return Challenge();
        var reference = await inbox.OpenAsync(userId, id, ct);
        return reference is null ? NotFound() : Redirect(RequestNotifier.RequestPath(reference));
    }
}
