using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Application.PersonalData;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Web.Areas.Admin.Models;
using Palopo.Portal.Web.Framework;

namespace Palopo.Portal.Web.Areas.Admin.Controllers;

/// <summary>The breach register: record a breach, count down the 3×24-hour duty, notify once.</summary>
[Area(AdminArea.Name)]
[Authorize(Policy = Policies.Admin)]
[Route("admin/insiden")]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class BreachesController(BreachRegister register, IStaffContext staff, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await register.ListAsync(ct));

    [HttpGet("baru")]
    public IActionResult New() => View(new BreachForm());

    [HttpPost("baru")]
    public async Task<IActionResult> New(BreachForm form, CancellationToken ct)
    {
        var admin = await staff.CurrentAsync(ct);
        if (admin is null)
            return Forbid();
        var result = await register.RecordAsync(new RecordBreachCommand(
            form.Title, form.DataAffected, form.HowItHappened, form.Remedy, form.OccurredAt, form.DiscoveredAt,
            new BreachSelection(form.Affected, form.ServiceSlug)), admin, ct);
        if (result.Ok)
        {
            TempData[TempKeys.Status] = t["Breach.Recorded", result.Count].Value;
            return Redirect("/admin/insiden/" + result.Id!.Value.ToString("D"));
        }

        // Unparsable dates are reported by model binding; keep those and add ours.
        foreach (var (field, key) in result.Errors)
        {
            if (ModelState[field]?.Errors.Count is not > 0)
                ModelState.AddModelError(field, t[key]);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(form);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken ct)
    {
        var breach = await register.FindAsync(id, ct);
        return breach is null ? NotFound() : View(new BreachPage(breach, null, null, null));
    }

    [HttpPost("{id:guid}/otoritas")]
    public async Task<IActionResult> Authority(Guid id, [FromForm(Name = "AuthorityAt")] DateTime? at, CancellationToken ct)
    {
        var admin = await staff.CurrentAsync(ct);
        if (admin is null)
            return Forbid();
        var result = await register.RecordAuthorityNotifiedAsync(id, at, admin, ct);
        return await AfterAsync(id, result, "Breach.AuthorityRecorded", null, null, ct);
    }

    [HttpPost("{id:guid}/subjek")]
    public async Task<IActionResult> AddSubjects(Guid id, [FromForm] string? affected, [FromForm] string? serviceSlug, CancellationToken ct)
    {
        var result = await register.AddSubjectsAsync(id, new BreachSelection(affected, serviceSlug), ct);
        return await AfterAsync(id, result, "Breach.SubjectsAdded", affected, serviceSlug, ct);
    }

    [HttpPost("{id:guid}/beritahu")]
    public async Task<IActionResult> Notify(Guid id, CancellationToken ct)
    {
        var admin = await staff.CurrentAsync(ct);
        if (admin is null)
            return Forbid();
        var result = await register.NotifySubjectsAsync(id, admin, ct);
        return await AfterAsync(id, result, result.Count == 0 ? "Breach.NobodyLeft" : "Breach.Notified", null, null, ct);
    }

    private async Task<IActionResult> AfterAsync(Guid id, BreachResult result, string doneKey, string? affected, string? serviceSlug, CancellationToken ct)
    {
        if (result.Errors.ContainsKey(""))
            return NotFound();
        if (result.Ok)
        {
            TempData[TempKeys.Status] = t[doneKey, result.Count].Value;
            return Redirect("/admin/insiden/" + id.ToString("D"));
        }

        var breach = await register.FindAsync(id, ct);
        if (breach is null)
            return NotFound();
        foreach (var (field, key) in result.Errors)
            ModelState.AddModelError(field, t[key]);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(nameof(Details), new BreachPage(breach, affected, serviceSlug, null));
    }
}
