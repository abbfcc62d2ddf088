using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Application.Officer.Supervision;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Web.Areas.Officer.Models;
using Palopo.Portal.Web.Framework;

namespace Palopo.Portal.Web.Areas.Officer.Controllers;

/// <summary>The kepala's page: the agency's workload per officer, overdue requests, and reassignment.</summary>
[Area(OfficerArea.Name)]
[Authorize(Policy = Policies.Supervisor)]
[Route("petugas/kepala")]
public sealed class SupervisorController(
    IStaffContext staff,
    GetSupervisorOverview overview,
    ReassignRequest reassign,
    IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        if (await SupervisorAsync(ct) is not { } supervisor)
            return NotFound();
        return View(await overview.HandleAsync(supervisor, ct));
    }

    /// <summary>"Reassign another request": the small form on the overview, by reference number.</summary>
    [HttpGet("alihkan")]
    public IActionResult Find([FromQuery(Name = "nomor")] string? reference)
    {
        var clean = reference?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(clean) || clean.Length > 20)
        {
            TempData[TempKeys.Status] = t["Supervisor.FindEmpty"].Value;
            return RedirectToAction(nameof(Index));
        }

        return RedirectToAction(nameof(Reassign), new { reference = clean });
    }

    [HttpGet("alihkan/{reference}")]
    public async Task<IActionResult> Reassign(string reference, CancellationToken ct)
    {
        if (await SupervisorAsync(ct) is not { } supervisor)
            return NotFound();
        var subject = await reassign.LoadAsync(reference, supervisor, ct);
        if (subject is null)
            return NotFound();
        return View(new ReassignPage(subject, new ReassignForm { OfficerUserId = subject.AssignedOfficerId, Version = subject.Version }, Language));
    }

    [HttpPost("alihkan/{reference}")]
    public async Task<IActionResult> Reassign(string reference, ReassignForm form, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await SupervisorAsync(ct) is not { } supervisor)
            return NotFound();

        // A value that does not bind (not a Guid) is the same as no choice: the form says so.
        var officerId = ModelState.GetValueOrDefault(nameof(ReassignForm.OfficerUserId))?.Errors.Count > 0 ? null : form.OfficerUserId;
        ModelState.Clear();
        var result = await reassign.HandleAsync(new ReassignCommand(reference, officerId, form.Version), supervisor, ct);
        switch (result.Outcome)
        {
            case ReassignOutcome.Done:
                TempData[TempKeys.Status] = t["Supervisor.Reassigned", reference, result.OfficerName!].Value;
                return RedirectToAction(nameof(Index));
            case ReassignOutcome.NotFound:
            case ReassignOutcome.Forbidden:
                return NotFound();
            case ReassignOutcome.OfficerNotAllowed:
                ModelState.AddModelError(nameof(ReassignForm.OfficerUserId),
                    t[officerId is null ? "Supervisor.ChooseOfficer" : "Supervisor.OfficerNotAllowed"]);
                break;
            case ReassignOutcome.Unchanged:
                ModelState.AddModelError(nameof(ReassignForm.OfficerUserId), t["Supervisor.AlreadyAssigned", result.OfficerName!]);
                break;
            case ReassignOutcome.Closed:
                ModelState.AddModelError("", t["Supervisor.Closed"]);
                break;
            case ReassignOutcome.Conflict:
                ModelState.AddModelError("", t["Supervisor.Conflict"]);
                break;
        }

        // Redisplay the request as it is now (a stale form gets the current version), with the message.
        var subject = await reassign.LoadAsync(reference, supervisor, ct);
        if (subject is null)
            return NotFound();
        Response.StatusCode = result.Outcome == ReassignOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        var keep = result.Outcome == ReassignOutcome.Conflict || officerId is null || subject.Officers.All(o => o.UserId != officerId)
            ? subject.AssignedOfficerId
            : officerId;
        return View(new ReassignPage(subject, new ReassignForm { OfficerUserId = keep, Version = subject.Version }, Language));
    }

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "id";

    /// <summary>The signed-in supervisor with an agency; null (404) for anyone else, e.g. a city-wide admin who is not kepala of an agency.</summary>
    private async Task<StaffMember?> SupervisorAsync(CancellationToken ct) =>
        await staff.CurrentAsync(ct) is { IsSupervisor: true, AgencyId: not null } member ? member : null;
}
