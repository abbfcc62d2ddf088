using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Regions;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Web.Framework;
using Palopo.Portal.Web.Models.Requests;

namespace Palopo.Portal.Web.Controllers;

/// <summary>A citizen applies for a service: the form, drafts, submission, confirmation and receipt.</summary>
[Authorize(Roles = Roles.Citizen)]
[RequireCurrentPrivacyConsent]
public sealed class ApplyController(
    ApplyForService apply,
    RequestReceipts receipts,
    KelurahanDirectory kelurahan,
    ICurrentUser currentUser,
    IStringLocalizer<SharedResource> t) : Controller
{
    public const long MaxRequestBodyBytes = 25L * 1024 * 1024;

    [HttpGet("/layanan/{slug}/ajukan")]
    public async Task<IActionResult> Apply(string slug, CancellationToken ct)
    {
        var form = await apply.LoadAsync(slug, currentUser.Id!.Value, ct);
        if (form is null)
            return NotFound();
        return View(await PageAsync(form, form.Answers, new Dictionary<string, FieldError>(), draftSaved: false, ct));
    }

    [HttpPost("/layanan/{slug}/ajukan")]
    [RequestSizeLimit(MaxRequestBodyBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBodyBytes)]
    public async Task<IActionResult> Apply(string slug, Guid idempotencyKey, [FromForm] Dictionary<string, string?>? answers, [FromForm(Name = "aksi")] string? action, CancellationToken ct)
    {
        if (idempotencyKey == Guid.Empty)
            return BadRequest();
        var incoming = Request.Form.Files
            .Where(f => f.Name.StartsWith("doc_", StringComparison.Ordinal))
            .Select(f => new IncomingFile(f.Name[4..], f.FileName, f.Length, f.OpenReadStream))
            .ToList();
        var command = new ApplyCommand(slug, idempotencyKey, answers ?? [], incoming, Submit: action != "simpan");
        var result = await apply.HandleAsync(command, currentUser.Id!.Value, ct);

        switch (result.Outcome)
        {
            case ApplyOutcome.NotFound:
                return NotFound();
            case ApplyOutcome.Submitted:
            case ApplyOutcome.AlreadySubmitted:
                return RedirectToAction(nameof(Confirmation), new { referenceNumber = result.ReferenceNumber });
            case ApplyOutcome.NotEligible:
                // The form itself says why (a warning, role=alert); a status notice would repeat it in a "success" box.
                return RedirectToAction(nameof(Apply), new { slug });
        }

        var form = await apply.LoadAsync(slug, currentUser.Id!.Value, ct);
        if (form is null)
            return NotFound();
        if (result.Outcome == ApplyOutcome.Invalid)
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View(await PageAsync(form, result.Answers ?? form.Answers, result.Errors ?? new Dictionary<string, FieldError>(), result.Outcome == ApplyOutcome.Saved, ct));
    }

    [HttpGet("/permohonan/{referenceNumber}/terkirim")]
    public async Task<IActionResult> Confirmation(string referenceNumber, CancellationToken ct)
    {
        var receipt = await receipts.FindForApplicantAsync(referenceNumber, currentUser.Id!.Value, ct);
        return receipt is null ? NotFound() : View(receipt);
    }

    [HttpGet("/permohonan/{referenceNumber}/tanda-terima")]
    public async Task<IActionResult> Receipt(string referenceNumber, CancellationToken ct)
    {
        var receipt = await receipts.FindForApplicantAsync(referenceNumber, currentUser.Id!.Value, ct);
        return receipt is null ? NotFound() : View(receipt);
    }

    private async Task<ApplyPage> PageAsync(
        ApplyForm form, IReadOnlyDictionary<string, string> answers, IReadOnlyDictionary<string, FieldError> errors, bool draftSaved, CancellationToken ct) =>
        new()
        {
            Form = form,
            Answers = answers,
            Errors = errors.ToDictionary(e => e.Key, e => Message(e.Value)),
            Kelurahan = await kelurahan.ListAsync(ct),
            Language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName,
            DraftSaved = draftSaved,
        };

    private string Message(FieldError error) => t["Apply.Error." + error.Code, error.Args].Value;
}
