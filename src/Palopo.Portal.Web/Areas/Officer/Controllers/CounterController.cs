using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Application.Officer.Assisted;
using Palopo.Portal.Application.Regions;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Services;
using Palopo.Portal.Web.Areas.Officer.Models;
using Palopo.Portal.Web.Controllers;
using Palopo.Portal.Web.Framework;

namespace Palopo.Portal.Web.Areas.Officer.Controllers;

/// <summary>
/// The service counter (loket): an officer files a request for a walk-in citizen, with the
/// citizen's consent, and prints the receipt. The form is wiped between citizens: a citizen's
/// data travels only in the form posts of their own filing (never TempData, session, cookies or a
/// URL), each form gets a new idempotency key and no prefill from anyone before, the forms say
/// autocomplete="off", and nothing here may be cached, so the browser's back button cannot bring a
/// previous citizen's answers back. Step 1 therefore answers its POST with step 2 directly instead
/// of redirecting: a redirect would have to carry the NIK somewhere.
/// A service of another agency is 404.
/// </summary>
[Area(OfficerArea.Name)]
[Authorize(Policy = Policies.Officer)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class CounterController(
    IStaffContext staffContext,
    FileAssistedRequest fileAssisted,
    AssistedReceipts receipts,
    KelurahanDirectory kelurahan,
    IStringLocalizer<SharedResource> t) : Controller
{
    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    [HttpGet("/petugas/loket")]
    public async Task<IActionResult> Start(CancellationToken ct)
    {
        if (await staffContext.CurrentAsync(ct) is not { } staff)
            return NotFound();
        return View(new CounterStartPage { Services = await fileAssisted.ListServicesAsync(staff, ct), Language = Language });
    }

    [HttpPost("/petugas/loket")]
    public async Task<IActionResult> Start(
        [FromForm(Name = "Layanan")] string? slug, [FromForm(Name = "PemohonNik")] string? nik, [FromForm(Name = "PemohonNama")] string? fullName,
        CancellationToken ct)
    {
        if (await staffContext.CurrentAsync(ct) is not { } staff)
            return NotFound();
        var (form, citizen, errors) = await fileAssisted.IdentifyAsync(slug, nik, fullName, staff, ct);
        if (form is null || citizen is null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new CounterStartPage
            {
                Services = await fileAssisted.ListServicesAsync(staff, ct),
                Slug = slug,
                Nik = nik,
                FullName = fullName,
                Errors = Messages(errors),
                Language = Language,
            });
        }

        // The only prefill: this citizen's own NIK and name, into the form's fields that ask for them.
        var answers = new Dictionary<string, string>();
        foreach (var field in form.Definition.Fields)
        {
            if (field.Prefill == ApplicantPrefill.Nik)
                answers[field.Key] = citizen.Nik;
            else if (field.Prefill == ApplicantPrefill.FullName)
                answers[field.Key] = citizen.FullName;
        }

        return View("Form", await FormPageAsync(form, staff, citizen.Nik, citizen.FullName, false, answers, new Dictionary<string, FieldError>(), ct));
    }

    [HttpGet("/petugas/loket/{slug}")]
    public async Task<IActionResult> Form(string slug, CancellationToken ct)
    {
        if (await staffContext.CurrentAsync(ct) is not { } staff)
            return NotFound();
        var form = await fileAssisted.LoadAsync(slug, staff, ct);
        if (form is null)
            return NotFound();
        return View(await FormPageAsync(form, staff, null, null, false, new Dictionary<string, string>(), new Dictionary<string, FieldError>(), ct));
    }

    [HttpPost("/petugas/loket/{slug}")]
    [RequestSizeLimit(ApplyController.MaxRequestBodyBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = ApplyController.MaxRequestBodyBytes)]
    public async Task<IActionResult> Form(
        string slug, Guid idempotencyKey,
        [FromForm(Name = "PemohonNik")] string? nik, [FromForm(Name = "PemohonNama")] string? fullName,
        [FromForm(Name = "Persetujuan")] string? consent,
        [FromForm] Dictionary<string, string?>? answers, CancellationToken ct)
    {
        if (await staffContext.CurrentAsync(ct) is not { } staff)
            return NotFound();
        if (idempotencyKey == Guid.Empty)
            return BadRequest();
        var incoming = Request.HasFormContentType
            ? Request.Form.Files
                .Where(f => f.Name.StartsWith("doc_", StringComparison.Ordinal))
                .Select(f => new IncomingFile(f.Name[4..], f.FileName, f.Length, f.OpenReadStream))
                .ToList()
            : [];
        var consented = string.Equals(consent, "ya", StringComparison.Ordinal);
        var result = await fileAssisted.HandleAsync(
            new FileAssistedCommand(slug, idempotencyKey, nik, fullName, consented, answers ?? [], incoming), staff, ct);

        switch (result.Outcome)
        {
            case FileAssistedOutcome.NotFound:
                return NotFound();
            case FileAssistedOutcome.Filed:
            case FileAssistedOutcome.AlreadyFiled:
                return RedirectToAction(nameof(Receipt), new { referenceNumber = result.ReferenceNumber });
        }

        var form = await fileAssisted.LoadAsync(slug, staff, ct);
        if (form is null)
            return NotFound();
        // Same citizen, same key: a corrected post of this form is still one filing.
        form = form with { IdempotencyKey = idempotencyKey };
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(await FormPageAsync(
            form, staff, nik, fullName, consented, result.Answers ?? new Dictionary<string, string>(), result.Errors ?? new Dictionary<string, FieldError>(), ct));
    }

    [HttpGet("/petugas/loket/tanda-terima/{referenceNumber}")]
    public async Task<IActionResult> Receipt(string referenceNumber, CancellationToken ct)
    {
        if (await staffContext.CurrentAsync(ct) is not { } staff)
            return NotFound();
        var receipt = await receipts.FindAsync(referenceNumber, staff, ct);
        return receipt is null ? NotFound() : View(receipt);
    }

    private async Task<CounterFormPage> FormPageAsync(
        CounterForm form, StaffMember staff, string? nik, string? fullName, bool consent,
        IReadOnlyDictionary<string, string> answers, IReadOnlyDictionary<string, FieldError> errors, CancellationToken ct) =>
        new()
        {
            Form = form,
            Nik = nik,
            FullName = fullName,
            Consent = consent,
            Answers = answers,
            Errors = Messages(errors),
            Kelurahan = await kelurahan.ListAsync(ct),
            Language = Language,
            OfficerName = staff.Name,
        };

    private Dictionary<string, string> Messages(IReadOnlyDictionary<string, FieldError> errors) =>
        errors.ToDictionary(e => e.Key, e => Message(e.Value));

    /// <summary>The counter's own codes ("Counter.Error.*") first, then the apply form's.</summary>
    private string Message(FieldError error)
    {
        var own = t["Counter.Error." + error.Code, error.Args];
        return own.ResourceNotFound ? t["Apply.Error." + error.Code, error.Args].Value : own.Value;
    }
}
