using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Application.Admin.Catalogue;
using Palopo.Portal.Application.Regions;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Web.Areas.Admin.Models;
using Palopo.Portal.Web.Framework;

namespace Palopo.Portal.Web.Areas.Admin.Controllers;

/// <summary>
/// Services: list, create, edit, retire/reinstate, and the form and workflow editors. The editors
/// work without JavaScript: every button posts the whole unsaved state and the page is rendered
/// again from it; only "publish"/"save" stores anything.
/// </summary>
[Area(AdminArea.Name)]
[Authorize(Policy = Policies.Admin)]
[Route("admin/layanan")]
public sealed class ServicesController(
    ServiceAdmin services,
    AgencyAdmin agencies,
    KelurahanDirectory kelurahan,
    IStaffContext staff,
    IStringLocalizer<SharedResource> t) : Controller
{
    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery(Name = "instansi")] string? agencyCode, [FromQuery(Name = "status")] string? status, CancellationToken ct)
    {
        var allAgencies = await agencies.ListAsync(ct);
        var agency = allAgencies.FirstOrDefault(a => a.Code == agencyCode);
        var filter = status switch
        {
            "aktif" => ServiceStatusFilter.Active,
            "pensiun" => ServiceStatusFilter.Retired,
            _ => ServiceStatusFilter.All,
        };
        var rows = await services.ListAsync(agency?.Id, filter, ct);
        return View(new ServiceListPage(rows, allAgencies, agency?.Code, filter switch
        {
            ServiceStatusFilter.Active => "aktif",
            ServiceStatusFilter.Retired => "pensiun",
            _ => "",
        }, Language));
    }

    [HttpGet("baru")]
    public async Task<IActionResult> Create([FromQuery(Name = "instansi")] string? agencyCode, CancellationToken ct)
    {
        var allAgencies = await agencies.ListAsync(ct);
        var input = new ServiceInput { ServiceDays = "5", AgencyId = allAgencies.FirstOrDefault(a => a.Code == agencyCode)?.Id };
        return View("Edit", new ServiceEditPage(input, null, allAgencies, Language));
    }

    [HttpPost("baru")]
    public async Task<IActionResult> Create(ServiceInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await staff.CurrentAsync(ct) is not { } actor)
            return Forbid();
        var result = await services.CreateAsync(input, actor, ct);
        if (!result.Saved)
        {
            ModelState.Show(result.Errors, t);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View("Edit", new ServiceEditPage(input, null, await agencies.ListAsync(ct), Language));
        }

        TempData[TempKeys.Status] = t["AdminCatalogue.ServiceCreated"].Value;
        return Redirect($"/admin/layanan/{result.Key}");
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> Details([FromRoute] string slug, CancellationToken ct) =>
        await services.FindAsync(slug, ct) is { } data ? View(new ServiceDetailsPage(data, Language)) : NotFound();

    [HttpGet("{slug}/ubah")]
    public async Task<IActionResult> Edit([FromRoute] string slug, CancellationToken ct)
    {
        if (await services.FindAsync(slug, ct) is not { } data)
            return NotFound();
        return View(new ServiceEditPage(ServiceInput.From(data.Service), slug, await agencies.ListAsync(ct), Language));
    }

    [HttpPost("{slug}/ubah")]
    public async Task<IActionResult> Edit([FromRoute] string slug, ServiceInput input, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await staff.CurrentAsync(ct) is not { } actor)
            return Forbid();
        input.Slug = slug;
        var result = await services.UpdateAsync(slug, input, actor, ct);
        if (result is null)
            return NotFound();
        if (!result.Saved)
        {
            ModelState.Show(result.Errors, t);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new ServiceEditPage(input, slug, await agencies.ListAsync(ct), Language));
        }

        TempData[TempKeys.Status] = t["AdminCatalogue.ServiceSaved"].Value;
        return Redirect($"/admin/layanan/{slug}");
    }

    [HttpPost("{slug}/pensiunkan")]
    public Task<IActionResult> Retire([FromRoute] string slug, CancellationToken ct) => SetActiveAsync(slug, false, ct);

    [HttpPost("{slug}/aktifkan")]
    public Task<IActionResult> Reinstate([FromRoute] string slug, CancellationToken ct) => SetActiveAsync(slug, true, ct);

    // ---------- form editor ----------

    [HttpGet("{slug}/formulir")]
    public async Task<IActionResult> Form([FromRoute] string slug, CancellationToken ct)
    {
        if (await services.FindAsync(slug, ct) is not { } data)
            return NotFound();
        return View(await FormPageAsync(data, FormDraft.From(data.Form), null, ct));
    }

    [HttpPost("{slug}/formulir")]
    public async Task<IActionResult> Form([FromRoute] string slug, FormDraft draft, [FromForm(Name = "aksi")] string? action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (await staff.CurrentAsync(ct) is not { } actor)
            return Forbid();
        if (await services.FindAsync(slug, ct) is not { } data)
            return NotFound();
        ModelState.Clear();

        if (action == "terbitkan")
        {
            var published = await services.PublishFormAsync(slug, draft, actor, ct);
            if (published is null)
                return NotFound();
            if (published.Value.Result.Saved)
            {
                TempData[TempKeys.Status] = t["AdminCatalogue.FormPublished", published.Value.Version].Value;
                return Redirect($"/admin/layanan/{slug}");
            }

            return await InvalidFormAsync(data, draft, published.Value.Result.Errors, ct);
        }

        if (action == "pratinjau")
        {
            var errors = new AdminErrors();
            var preview = draft.ToDefinition(errors);
            if (preview is null)
                return await InvalidFormAsync(data, draft, errors.All, ct);
            return View(await FormPageAsync(data, draft, preview, ct));
        }

        FormDraftEdits.Apply(draft, action);
        return View(await FormPageAsync(data, draft, null, ct));
    }

    // ---------- workflow editor ----------

    [HttpGet("{slug}/alur")]
    public async Task<IActionResult> Workflow([FromRoute] string slug, CancellationToken ct)
    {
        if (await services.FindAsync(slug, ct) is not { } data)
            return NotFound();
        return View(new WorkflowEditorPage(data, WorkflowDraft.From(data.Service.Workflow), Language));
    }

    [HttpPost("{slug}/alur")]
    public async Task<IActionResult> Workflow([FromRoute] string slug, WorkflowDraft draft, [FromForm(Name = "aksi")] string? action, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (await staff.CurrentAsync(ct) is not { } actor)
            return Forbid();
        if (await services.FindAsync(slug, ct) is not { } data)
            return NotFound();
        ModelState.Clear();
        if (action == "simpan")
        {
            var result = await services.SaveWorkflowAsync(slug, draft, actor, ct);
            if (result is null)
                return NotFound();
            if (result.Saved)
            {
                TempData[TempKeys.Status] = t["AdminCatalogue.WorkflowSaved"].Value;
                return Redirect($"/admin/layanan/{slug}");
            }

            ModelState.Show(result.Errors, t);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new WorkflowEditorPage(data, draft, Language));
        }

        var (verb, index, _) = FormDraftEdits.Parse(action);
        var steps = draft.Steps;
        switch (verb)
        {
            case "tambah-tahap" when steps.Count < 20:
                steps.Add(new StepDraft { Role = Roles.Officer });
                break;
            case "hapus-tahap" when index < steps.Count:
                steps.RemoveAt(index);
                break;
            case "naik-tahap":
                FormDraftEdits.Swap(steps, index, index - 1);
                break;
            case "turun-tahap":
                FormDraftEdits.Swap(steps, index, index + 1);
                break;
        }

        return View(new WorkflowEditorPage(data, draft, Language));
    }

    private async Task<IActionResult> SetActiveAsync([FromRoute] string slug, bool active, CancellationToken ct)
    {
        if (await staff.CurrentAsync(ct) is not { } actor)
            return Forbid();
        if (!await services.SetActiveAsync(slug, active, actor, ct))
            return NotFound();
        TempData[TempKeys.Status] = t[active ? "AdminCatalogue.ServiceReinstated" : "AdminCatalogue.ServiceRetired"].Value;
        return Redirect($"/admin/layanan/{slug}");
    }

    private async Task<IActionResult> InvalidFormAsync(ServiceForAdmin data, FormDraft draft, IReadOnlyList<AdminError> errors, CancellationToken ct)
    {
        ModelState.Show(errors, t);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("Form", await FormPageAsync(data, draft, null, ct));
    }

    private async Task<FormEditorPage> FormPageAsync(ServiceForAdmin data, FormDraft draft, Domain.Services.FormDefinition? preview, CancellationToken ct) =>
        new(data, draft, preview, preview is null ? [] : await kelurahan.ListAsync(ct), Language);
}
