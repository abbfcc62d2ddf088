using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Application.Admin.Staff;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Web.Areas.Admin.Models;
using Palopo.Portal.Web.Framework;

namespace Palopo.Portal.Web.Areas.Admin.Controllers;

/// <summary>Staff accounts: list, invite, change roles and agency, deactivate and reactivate.</summary>
[Area(AdminArea.Name)]
[Authorize(Policy = Policies.Admin)]
[Route("admin/petugas")]
public sealed class StaffController(
    IStaffContext staff,
    IStaffAccounts accounts,
    IPortalDbContext db,
    InviteStaff invite,
    ChangeStaff change,
    StaffActivation activation,
    IStringLocalizer<SharedResource> t) : Controller
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] StaffListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ModelState.Clear(); // a malformed filter value is simply no filter
        query.Halaman = Math.Clamp(query.Halaman, 1, 1000);
        var list = await accounts.ListAsync(new StaffFilter(query.Instansi, query.Peran, query.Active, query.Halaman, PageSize), ct);
        return View(new StaffListPage(list, query, await AgenciesAsync(ct)));
    }

    [HttpGet("undang")]
    public async Task<IActionResult> Invite(CancellationToken ct) =>
        View(new StaffFormPage(new StaffForm(), await AgenciesAsync(ct)));

    [HttpPost("undang")]
    public async Task<IActionResult> Invite(StaffForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await AdminAsync(ct) is not { } admin)
            return NotFound();
        var agencyId = BoundAgency(form);
        var result = await invite.HandleAsync(new InviteStaffCommand(form.FullName, form.Email, agencyId, form.Roles), admin, ct);
        if (result.Outcome == StaffOutcome.Done)
        {
            TempData[TempKeys.Status] = t["AdminStaff.Invited", form.Email!.Trim(), (int)accounts.InvitationLifetime.TotalHours].Value;
            return RedirectToAction(nameof(Details), new { id = result.UserId });
        }

        AddErrors(result);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(new StaffFormPage(form, await AgenciesAsync(ct)));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var account = await accounts.FindAsync(id, ct);
        if (account is null || await AdminAsync(ct) is not { } admin)
            return NotFound();
        var form = new StaffForm { AgencyId = account.AgencyId, Roles = [.. account.Roles] };
        return View(new StaffDetailsPage(account, form, await AgenciesAsync(ct), admin.UserId == id));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, StaffForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await AdminAsync(ct) is not { } admin)
            return NotFound();
        var result = await change.HandleAsync(new ChangeStaffCommand(id, BoundAgency(form), form.Roles), admin, ct);
        switch (result.Outcome)
        {
            case StaffOutcome.NotFound:
                return NotFound();
            case StaffOutcome.Done:
                TempData[TempKeys.Status] = t["AdminStaff.Changed"].Value;
                return RedirectToAction(nameof(Details), new { id });
            case StaffOutcome.Unchanged:
                TempData[TempKeys.Status] = t["AdminStaff.Unchanged"].Value;
                return RedirectToAction(nameof(Details), new { id });
            case StaffOutcome.LastAdmin:
                ModelState.AddModelError("Roles", t["AdminStaff.Error.LastAdmin"]);
                break;
            default:
                AddErrors(result);
                break;
        }

        var account = await accounts.FindAsync(id, ct);
        if (account is null)
            return NotFound();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(new StaffDetailsPage(account, form, await AgenciesAsync(ct), admin.UserId == id));
    }

    [HttpPost("{id:guid}/undang-ulang")]
    public async Task<IActionResult> Resend(Guid id, CancellationToken ct)
    {
        if (await AdminAsync(ct) is not { } admin)
            return NotFound();
        var result = await invite.ResendAsync(id, admin, ct);
        if (result.Outcome == StaffOutcome.NotFound)
            return NotFound();
        TempData[TempKeys.Status] = result.Outcome == StaffOutcome.Done
            ? t["AdminStaff.Resent", (int)accounts.InvitationLifetime.TotalHours].Value
            : t["AdminStaff.Unchanged"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    [HttpPost("{id:guid}/nonaktifkan")]
    public async Task<IActionResult> Deactivate(Guid id, CancellationToken ct)
    {
        if (await AdminAsync(ct) is not { } admin)
            return NotFound();
        var result = await activation.DeactivateAsync(id, admin, ct);
        return await AfterActivationAsync(id, result, "AdminStaff.Deactivated", admin, ct);
    }

    [HttpPost("{id:guid}/aktifkan")]
    public async Task<IActionResult> Reactivate(Guid id, CancellationToken ct)
    {
        if (await AdminAsync(ct) is not { } admin)
            return NotFound();
        var result = await activation.ReactivateAsync(id, admin, ct);
        return await AfterActivationAsync(id, result, "AdminStaff.Reactivated", admin, ct);
    }

    private async Task<IActionResult> AfterActivationAsync(Guid id, StaffResult result, string doneKey, StaffMember admin, CancellationToken ct)
    {
        if (result.Outcome == StaffOutcome.NotFound)
            return NotFound();
        if (result.Outcome != StaffOutcome.LastAdmin)
        {
            TempData[TempKeys.Status] = t[result.Outcome == StaffOutcome.Done ? doneKey : "AdminStaff.Unchanged"].Value;
            // Admins who deactivated themselves have just ended their own session.
            return admin.UserId == id && result.Outcome == StaffOutcome.Done && doneKey == "AdminStaff.Deactivated"
                ? Redirect("/")
                : RedirectToAction(nameof(Details), new { id });
        }

        ModelState.AddModelError("", t["AdminStaff.Error.LastAdmin"]);
        var account = await accounts.FindAsync(id, ct);
        if (account is null)
            return NotFound();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var form = new StaffForm { AgencyId = account.AgencyId, Roles = [.. account.Roles] };
        return View(nameof(Details), new StaffDetailsPage(account, form, await AgenciesAsync(ct), admin.UserId == id));
    }

    /// <summary>An agency value that did not bind (not a Guid) counts as an unknown agency, not as "none".</summary>
    private Guid? BoundAgency(StaffForm form)
    {
        var invalid = ModelState.GetValueOrDefault(nameof(StaffForm.AgencyId))?.Errors.Count > 0;
        ModelState.Clear();
        return invalid ? Guid.Empty : form.AgencyId;
    }

    private void AddErrors(StaffResult result)
    {
        foreach (var (field, key) in result.Errors)
            ModelState.AddModelError(field, t[key, InviteStaff.NameMaxLength]);
    }

    private async Task<StaffMember?> AdminAsync(CancellationToken ct) =>
        await staff.CurrentAsync(ct) is { IsAdmin: true } member ? member : null;

    private async Task<IReadOnlyList<AgencyOption>> AgenciesAsync(CancellationToken ct)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "id";
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive).OrderBy(a => a.Name).ToListAsync(ct);
        return [.. agencies.Select(a => new AgencyOption(a.Id, a.DisplayName(language)))];
    }
}
