using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Infrastructure.Admin;
using Palopo.Portal.Infrastructure.Identity;
using Palopo.Portal.Infrastructure.Persistence;
using Palopo.Portal.Web.Framework;
using Palopo.Portal.Web.Models.Account;

namespace Palopo.Portal.Web.Controllers;

/// <summary>
/// An invited staff member opens the link from the invitation e-mail and chooses a password (the
/// same NIST rules as registration and reset). That confirms the e-mail; the first sign-in then
/// leads to two-factor enrolment (ADR 0007), because the account has a staff role and no authenticator.
/// </summary>
[AllowAnonymous]
[Route("akun/undangan")]
public sealed class InvitationController(
    UserManager<PortalUser> users,
    PortalDbContext db,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t,
    ILogger<InvitationController> logger) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Accept([FromQuery(Name = "pengguna")] Guid? userId, [FromQuery(Name = "kode")] string? code)
    {
        var user = await InviteeAsync(userId, code);
        if (user is null)
            return LinkInvalid();
        ViewData["FullName"] = user.FullName;
        ViewData["UserId"] = user.Id;
        return View(new ResetPasswordForm { Email = user.Email, Code = code });
    }

    [HttpPost("")]
    public async Task<IActionResult> Accept([FromForm(Name = "pengguna")] Guid? userId, ResetPasswordForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var user = await InviteeAsync(userId, form.Code);
        if (user is null || !string.Equals(user.Email, form.Email?.Trim(), StringComparison.OrdinalIgnoreCase))
            return LinkInvalid();
        ViewData["FullName"] = user.FullName;
        ViewData["UserId"] = user.Id;
        if (!ModelState.IsValid)
            return Redisplay(form);

        // Identity runs the password validators again (length, the common-password list).
        var added = await users.AddPasswordAsync(user, form.Password!);
        if (!added.Succeeded)
        {
            foreach (var error in added.Errors)
                ModelState.AddModelError(nameof(ResetPasswordForm.Password), error.Description);
            return Redisplay(form);
        }

        // The link reached this inbox, so the address is confirmed; the new security stamp voids the link.
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        db.AuditEntries.Add(new AuditEntry(AuditAction.StaffInvitationAccepted, clock.GetUtcNow().UtcDateTime, user.Id, user.FullName,
            user.AgencyId, "User", user.Id, null, null, null));
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        logger.LogInformation("Staff invitation accepted for account {UserId}", user.Id);
        TempData[TempKeys.Status] = t["Invite.Done"].Value;
        return Redirect("/akun/masuk");
    }

    /// <summary>The invited account, if the link is still good: active, no password yet, token valid (72 h, single use).</summary>
    private async Task<PortalUser?> InviteeAsync(Guid? userId, string? code)
    {
        if (userId is null || string.IsNullOrEmpty(code) || code.Length > 2000)
            return null;
        var user = await users.FindByIdAsync(userId.Value.ToString());
        if (user is not { IsActive: true, PasswordHash: null })
            return null;
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }

        return await users.VerifyUserTokenAsync(user, InvitationTokenProvider.ProviderName, InvitationTokenProvider.Purpose, token) ? user : null;
    }

    private ViewResult Redisplay(ResetPasswordForm form)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(new ResetPasswordForm { Email = form.Email, Code = form.Code });
    }

    private ViewResult LinkInvalid()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("InvitationInvalid");
    }
}
