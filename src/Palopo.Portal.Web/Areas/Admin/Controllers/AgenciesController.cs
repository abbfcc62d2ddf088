using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Application.Admin.Catalogue;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Web.Areas.Admin.Models;
using Palopo.Portal.Web.Framework;

namespace Palopo.Portal.Web.Areas.Admin.Controllers;

/// <summary>Agencies (OPD): list, create, edit; each agency's page lists its services and staff.</summary>
[Area(AdminArea.Name)]
[Authorize(Policy = Policies.Admin)]
[Route("admin/instansi")]
public sealed class AgenciesController(AgencyAdmin agencies, IStaffContext staff, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(new AgencyListPage(await agencies.ListAsync(ct)));

    [HttpGet("baru")]
    public IActionResult Create() => View("Edit", new AgencyEditPage(new AgencyInput { IsActive = true }, null));

    [HttpPost("baru")]
    public async Task<IActionResult> Create(AgencyInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await staff.CurrentAsync(ct) is not { } actor)
            return Forbid();
        var result = await agencies.CreateAsync(input, actor, ct);
        if (!result.Saved)
            return Invalid(result, new AgencyEditPage(input, null));
        TempData[TempKeys.Status] = t["AdminCatalogue.AgencyCreated", result.Key!].Value;
        return Redirect($"/admin/instansi/{result.Key}");
    }

    [HttpGet("{code}")]
    public async Task<IActionResult> Details([FromRoute] string code, CancellationToken ct)
    {
        var details = await agencies.FindAsync(code, ct);
        return details is null ? NotFound() : View(details);
    }

    [HttpGet("{code}/ubah")]
    public async Task<IActionResult> Edit([FromRoute] string code, CancellationToken ct)
    {
        if (await agencies.FindAsync(code, ct) is not { } details)
            return NotFound();
        var a = details.Agency;
        return View(new AgencyEditPage(new AgencyInput { Code = a.Code, Name = a.Name, NameEn = a.NameEn, ShortName = a.ShortName, IsActive = a.IsActive }, a.Code));
    }

    [HttpPost("{code}/ubah")]
    public async Task<IActionResult> Edit([FromRoute] string code, AgencyInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await staff.CurrentAsync(ct) is not { } actor)
            return Forbid();
        input.Code = code; // the code never changes: URLs and seed data use it
        var result = await agencies.UpdateAsync(code, input, actor, ct);
        if (result is null)
            return NotFound();
        if (!result.Saved)
            return Invalid(result, new AgencyEditPage(input, code));
        TempData[TempKeys.Status] = t["AdminCatalogue.AgencySaved"].Value;
        return Redirect($"/admin/instansi/{code}");
    }

    private ViewResult Invalid(AdminSaveResult result, AgencyEditPage page)
    {
        ModelState.Show(result.Errors, t);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Edit", page);
    }
}
