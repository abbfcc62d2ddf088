using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Application.PersonalData;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Web.Areas.Admin.Models;
using Palopo.Portal.Web.Framework;

namespace Palopo.Portal.Web.Areas.Admin.Controllers;

/// <summary>The data-rights desk: requests by deadline, overdue highlighted; answer, refuse, erase.</summary>
[Area(AdminArea.Name)]
[Authorize(Policy = Policies.Admin)]
[Route("admin/hak-data")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class RightsRequestsController(RightsDesk desk, IStaffContext staff, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "semua")] bool all, CancellationToken ct) =>
        View(new RightsDeskPage(await desk.ListAsync(!all, ct), all));

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var row = await desk.FindAsync(id, ct);
        return row is null ? NotFound() : View(new RightsAnswerPage(row, null, null));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Answer(Guid id, [FromForm] int version, [FromForm(Name = "aksi")] RightsAnswerAction? action, [FromForm] string? response, CancellationToken ct)
    {
        var admin = await staff.CurrentAsync(ct);
        if (admin is null)
            return Forbid();
        var result = await desk.AnswerAsync(new AnswerRightsCommand(id, version, action, response), admin, ct);
        if (result.Outcome == RightsAnswerOutcome.NotFound)
            return NotFound();
        if (result.Outcome == RightsAnswerOutcome.Done)
        {
            TempData[TempKeys.Status] = t["Rights.Desk.Done." + action].Value;
            return Redirect("/admin/hak-data/" + id.ToString("D"));
        }

        var row = await desk.FindAsync(id, ct);
        if (row is null)
            return NotFound();
        ModelState.AddModelError("response", t[result.ErrorKey ?? "Rights.Desk.Error.Action"]);
        Response.StatusCode = result.Outcome == RightsAnswerOutcome.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Details), new RightsAnswerPage(row, action, response));
    }
}
