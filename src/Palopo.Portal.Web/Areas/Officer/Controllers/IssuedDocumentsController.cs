using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Palopo.Portal.Application.Documents;
using Palopo.Portal.Application.Officer.Review;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Documents;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Web.Areas.Officer.Models;
using Palopo.Portal.Web.Controllers;
using Palopo.Portal.Web.Framework;
using Palopo.Portal.Web.Models.Documents;

namespace Palopo.Portal.Web.Areas.Officer.Controllers;

/// <summary>
/// The issued document of a request of the officer's agency: issue it (an approved request without
/// one), download it, and revoke it (supervisors only, with a reason). Another agency's request is 404.
/// </summary>
[Area(OfficerArea.Name)]
[Authorize(Policy = Policies.Officer)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
[Route("petugas/permohonan/{referenceNumber}")]
public sealed class IssuedDocumentsController(
    IStaffContext staffContext,
    GetRequestForReview review,
    GetIssuedDocument panels,
    IssueDocument issue,
    RevokeDocument revoke,
    IssuedDocumentFiles files,
    IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet("dokumen")]
    public async Task<IActionResult> Download(string referenceNumber, CancellationToken ct)
    {
        if (await staffContext.CurrentAsync(ct) is not { } staff)
            return NotFound();
        var file = await files.OpenForOfficerAsync(referenceNumber, staff, ct);
        return file is null ? NotFound() : IssuedDocumentController.Attachment(this, file);
    }

    [HttpPost("terbitkan")]
    public async Task<IActionResult> Issue(string referenceNumber, [FromForm(Name = "Version")] int? version, CancellationToken ct)
    {
        if (await LocateAsync(referenceNumber, ct) is not { } located)
            return NotFound();
        var result = await issue.ByOfficerAsync(new IssueDocumentCommand(located.Id, version ?? -1), located.Staff.UserId, ct);
        switch (result.Outcome)
        {
            case IssueOutcome.Done:
                TempData[TempKeys.Status] = t["Documents.Officer.Issued", result.Number ?? ""].Value;
                return Redirect(ReviewPath(referenceNumber));
            case IssueOutcome.NotFound:
                return NotFound();
            default:
                Response.StatusCode = result.Outcome == IssueOutcome.Failed ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status409Conflict;
                return View("Refused", new IssueRefusedPage(ReviewPath(referenceNumber), t["Documents.Officer.Refused." + result.Outcome].Value));
        }
    }

    [HttpGet("dokumen/cabut")]
    public async Task<IActionResult> Revoke(string referenceNumber, CancellationToken ct)
    {
        if (await LocateAsync(referenceNumber, ct) is not { } located)
            return NotFound();
        var panel = await panels.ForRequestAsync(located.Id, ct);
        if (panel is not { HasDocument: true })
            return NotFound();
        if (!located.Staff.IsSupervisor)
            return StatusCode(StatusCodes.Status403Forbidden);
        return View(new RevokePage { ReferenceNumber = ReferenceNumber.Normalize(referenceNumber), Panel = panel });
    }

    [HttpPost("dokumen/cabut")]
    public async Task<IActionResult> Revoke(string referenceNumber, [FromForm(Name = "alasan")] string? reason, CancellationToken ct)
    {
        if (await LocateAsync(referenceNumber, ct) is not { } located)
            return NotFound();
        var result = await revoke.HandleAsync(new RevokeDocumentCommand(referenceNumber, reason), located.Staff.UserId, ct);
        switch (result.Outcome)
        {
            case RevokeOutcome.Done:
                TempData[TempKeys.Status] = t["Documents.Officer.Revoked"].Value;
                return Redirect(ReviewPath(referenceNumber));
            case RevokeOutcome.NotFound:
                return NotFound();
            case RevokeOutcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
        }

        var panel = await panels.ForRequestAsync(located.Id, ct);
        if (panel is null)
            return NotFound();
        Response.StatusCode = result.Outcome == RevokeOutcome.AlreadyRevoked ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        var error = result.Outcome == RevokeOutcome.AlreadyRevoked
            ? t["Documents.Officer.AlreadyRevoked"].Value
            : result.ErrorCode == "TooLong"
                ? t["Documents.Officer.ReasonTooLong", IssuedDocument.MaxRevocationReasonLength].Value
                : t["Documents.Officer.ReasonRequired"].Value;
        return View(new RevokePage { ReferenceNumber = ReferenceNumber.Normalize(referenceNumber), Panel = panel, Reason = reason, ReasonError = error });
    }

    private async Task<(StaffMember Staff, Guid Id)?> LocateAsync(string referenceNumber, CancellationToken ct)
    {
        if (await staffContext.CurrentAsync(ct) is not { } staff)
            return null;
        return await review.LocateAsync(referenceNumber, staff, ct) is { } found ? (staff, found.Id) : null;
    }

    private static string ReviewPath(string referenceNumber) => $"/petugas/permohonan/{ReferenceNumber.Normalize(referenceNumber)}";
}

public sealed record IssueRefusedPage(string BackUrl, string Message);
