using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Palopo.Portal.Application.Officer.Decisions;
using Palopo.Portal.Application.Officer.Review;
using Palopo.Portal.Application.Regions;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Web.Areas.Officer.Models;
using Palopo.Portal.Web.Framework;

namespace Palopo.Portal.Web.Areas.Officer.Controllers;

/// <summary>
/// One request of the officer's agency: review (answers, documents, timeline with internal notes,
/// legal clock, the diff after a correction) and the decisions taken on it: claim, approve the
/// current step, send back, reject, internal note. Every decision posts the version the page showed;
/// if someone changed the request meanwhile nothing happens and the page shows the current state.
/// Another agency's request, an unknown reference or a forged id is 404, never 403.
/// </summary>
[Area(OfficerArea.Name)]
[Authorize(Policy = Policies.Officer)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
[Route("petugas/permohonan/{referenceNumber}")]
public sealed class ReviewController(
    IStaffContext staffContext,
    GetRequestForReview review,
    OfficerDocumentFiles documents,
    AssignRequest assign,
    ApproveRequestStep approve,
    SendBackRequest sendBack,
    RejectRequest reject,
    AddInternalNote addNote,
    KelurahanDirectory kelurahan,
    IStringLocalizer<SharedResource> t) : Controller
{
    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    [HttpGet("")]
    public async Task<IActionResult> Details(string referenceNumber, CancellationToken ct)
    {
        if (await staffContext.CurrentAsync(ct) is not { } staff)
            return NotFound();
        var page = await PageAsync(referenceNumber, staff, ct);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("berkas/{documentId:guid}")]
    public async Task<IActionResult> Document(string referenceNumber, Guid documentId, CancellationToken ct)
    {
        if (await staffContext.CurrentAsync(ct) is not { } staff)
            return NotFound();
        var opened = await documents.OpenAsync(referenceNumber, documentId, staff, ct);
        if (opened is null)
            return NotFound();

        // The citizen's upload, not our page: never sniffed, never cached, and sandboxed even when shown inline.
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        Response.Headers[HeaderNames.CacheControl] = "no-store";
        Response.Headers[HeaderNames.ContentSecurityPolicy] = "sandbox";
        var file = opened.File;
        var disposition = new ContentDispositionHeaderValue(opened.Inline ? "inline" : "attachment");
        disposition.SetHttpFileName(SafeFileName(file.FileName));
        Response.Headers[HeaderNames.ContentDisposition] = disposition.ToString();
        var contentType = opened.Inline ? file.ContentType : "application/octet-stream";
        return File(file.Content, contentType);
    }

    [HttpPost("ambil")]
    public async Task<IActionResult> Claim(string referenceNumber, [FromForm(Name = "Version")] int? version, CancellationToken ct)
    {
        if (await LocateAsync(referenceNumber, ct) is not { } located)
            return NotFound();
        var (staff, id) = located;
        var result = await assign.HandleAsync(new AssignCommand(id, staff.UserId, version ?? -1), staff.UserId, ct);
        return await AfterAsync(referenceNumber, staff, result, ReviewForm.Claim, "Officer.Review.Claimed", p => p, ct);
    }

    [HttpPost("setujui")]
    public async Task<IActionResult> Approve(
        string referenceNumber, [FromForm(Name = "Version")] int? version, [FromForm(Name = "catatan")] string? note, CancellationToken ct)
    {
        if (await LocateAsync(referenceNumber, ct) is not { } located)
            return NotFound();
        var (staff, id) = located;
        var result = await approve.HandleAsync(new ApproveStepCommand(id, note, version ?? -1), staff.UserId, ct);
        var doneKey = result.Status is RequestStatus.Approved or RequestStatus.Issued ? "Officer.Review.ApprovedFinal" : "Officer.Review.ApprovedStep";
        return await AfterAsync(referenceNumber, staff, result, ReviewForm.Approve, doneKey, p => Keep(p, approveNote: note), ct);
    }

    [HttpPost("kembalikan")]
    public async Task<IActionResult> SendBack(
        string referenceNumber,
        [FromForm(Name = "Version")] int? version,
        [FromForm(Name = "tandai")] string[]? ticked,
        [FromForm(Name = "alasan")] Dictionary<string, string?>? reasons,
        CancellationToken ct)
    {
        if (await LocateAsync(referenceNumber, ct) is not { } located)
            return NotFound();
        var (staff, id) = located;
        var tickedSet = (ticked ?? []).Where(x => x is { Length: > 2 and <= 200 }).ToHashSet(StringComparer.Ordinal);
        var typed = (reasons ?? []).Where(r => r.Key.Length <= 200 && !string.IsNullOrEmpty(r.Value))
            .ToDictionary(r => r.Key, r => r.Value!, StringComparer.Ordinal);
        var items = tickedSet
            .Where(x => x.StartsWith("f_", StringComparison.Ordinal) || x.StartsWith("d_", StringComparison.Ordinal))
            .Select(x => new CorrectionRequestItem(
                x[0] == 'f' ? CorrectionTarget.Field : CorrectionTarget.Document, x[2..], typed.GetValueOrDefault(x) ?? ""))
            .ToList();
        var result = await sendBack.HandleAsync(new SendBackCommand(id, items, version ?? -1), staff.UserId, ct);
        return await AfterAsync(referenceNumber, staff, result, ReviewForm.SendBack, "Officer.Review.SentBack",
            p => Keep(p, ticked: tickedSet, reasons: typed), ct);
    }

    [HttpPost("tolak")]
    public async Task<IActionResult> Reject(
        string referenceNumber, [FromForm(Name = "Version")] int? version, [FromForm(Name = "alasan")] string? reason, CancellationToken ct)
    {
        if (await LocateAsync(referenceNumber, ct) is not { } located)
            return NotFound();
        var (staff, id) = located;
        var result = await reject.HandleAsync(new RejectCommand(id, reason ?? "", version ?? -1), staff.UserId, ct);
        return await AfterAsync(referenceNumber, staff, result, ReviewForm.Reject, "Officer.Review.Rejected", p => Keep(p, rejectReason: reason), ct);
    }

    [HttpPost("catatan")]
    public async Task<IActionResult> Note(
        string referenceNumber, [FromForm(Name = "Version")] int? version, [FromForm(Name = "catatan")] string? text, CancellationToken ct)
    {
        if (await LocateAsync(referenceNumber, ct) is not { } located)
            return NotFound();
        var (staff, id) = located;
        var result = await addNote.HandleAsync(new InternalNoteCommand(id, text, version ?? -1), staff.UserId, ct);
        return await AfterAsync(referenceNumber, staff, result, ReviewForm.Note, "Officer.Review.NoteAdded", p => Keep(p, noteText: text), ct);
    }

    // ---------- helpers ----------

    private async Task<(StaffMember Staff, Guid Id)?> LocateAsync(string referenceNumber, CancellationToken ct)
    {
        if (await staffContext.CurrentAsync(ct) is not { } staff)
            return null;
        return await review.LocateAsync(referenceNumber, staff, ct) is { } found ? (staff, found.Id) : null;
    }

    /// <summary>Done: post/redirect/get with a message. Otherwise the page again, current state, input kept, and why.</summary>
    private async Task<IActionResult> AfterAsync(
        string referenceNumber, StaffMember staff, RequestActionResult result, ReviewForm form, string doneKey,
        Func<ReviewPage, ReviewPage> keep, CancellationToken ct)
    {
        if (result.Outcome == RequestActionOutcome.NotFound)
            return NotFound();
        if (result.Outcome == RequestActionOutcome.Done)
        {
            TempData[TempKeys.Status] = t[doneKey].Value;
            return Redirect($"/petugas/permohonan/{ReferenceNumber.Normalize(referenceNumber)}");
        }

        var page = await PageAsync(referenceNumber, staff, ct);
        if (page is null)
            return NotFound();
        string? message = null;
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (result.Outcome)
        {
            case RequestActionOutcome.Conflict:
                message = t["Officer.Review.Conflict"].Value;
                Response.StatusCode = StatusCodes.Status409Conflict;
                // The officer's input is dropped on purpose: it was written against a state that no longer exists.
                return View(nameof(Details), With(page, form, message, errors));
            case RequestActionOutcome.NotAllowed:
                message = t["Officer.Review.NotAllowed", t["Requests.Status." + (result.Status ?? page.Request.Status)].Value].Value;
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            case RequestActionOutcome.Forbidden:
                message = page.Request.Step is { } step
                    ? t["Officer.Review.StepRoleOnly", step.Name.For(Language), t["Officer.Review.Role." + step.Role].Value].Value
                    : t["Officer.Review.NotAllowed", t["Requests.Status." + page.Request.Status].Value].Value;
                Response.StatusCode = StatusCodes.Status403Forbidden;
                break;
            default:
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                foreach (var (key, error) in result.Errors ?? new Dictionary<string, FieldError>())
                    errors[InputId(form, key, page)] = Message(form, error);
                break;
        }

        return View(nameof(Details), keep(With(page, form, message, errors)));
    }

    private string Message(ReviewForm form, FieldError error) => error.Code switch
    {
        "Required" when form == ReviewForm.Reject => t["Officer.Review.Error.RejectReasonRequired"].Value,
        "Required" when form == ReviewForm.Note => t["Officer.Review.Error.NoteRequired"].Value,
        "NothingMarked" => t["Officer.Review.Error.NothingMarked"].Value,
        "ReasonRequired" => t["Officer.Review.Error.ReasonRequired"].Value,
        "UnknownItem" or "MarkedTwice" => t["Officer.Review.Error.UnknownItem"].Value,
        "AlreadyYours" => t["Officer.Review.Error.AlreadyYours"].Value,
        "AlreadyAssigned" => t["Officer.Review.Error.AlreadyAssigned"].Value,
        "NotAnOfficerOfAgency" => t["Officer.Review.Error.NotAnOfficer"].Value,
        _ => t["Apply.Error." + error.Code, error.Args].Value,
    };

    /// <summary>The id of the input an error belongs to, so the summary can link to it.</summary>
    private static string InputId(ReviewForm form, string key, ReviewPage page) => form switch
    {
        ReviewForm.Reject => "reject-reason",
        ReviewForm.Note => "note-text",
        ReviewForm.Approve => "approve-note",
        ReviewForm.Claim => "claim",
        ReviewForm.SendBack when key == SendBackRequest.ItemsKey => "send-back",
        ReviewForm.SendBack => "alasan_" + (page.Request.Form.Field(key) is not null ? ReviewPage.FieldItem(key) : ReviewPage.DocumentItem(key)),
        _ => key,
    };

    private async Task<ReviewPage?> PageAsync(string referenceNumber, StaffMember staff, CancellationToken ct)
    {
        var request = await review.FindAsync(referenceNumber, staff, recordView: true, ct);
        if (request is null)
            return null;
        return new ReviewPage { Request = request, Staff = staff, Kelurahan = await kelurahan.ListAsync(ct), Language = Language };
    }

    private static ReviewPage With(ReviewPage page, ReviewForm form, string? message, IReadOnlyDictionary<string, string> errors) => new()
    {
        Request = page.Request,
        Staff = page.Staff,
        Kelurahan = page.Kelurahan,
        Language = page.Language,
        Posted = form,
        Message = message,
        Errors = errors,
    };

    private static ReviewPage Keep(
        ReviewPage page, IReadOnlySet<string>? ticked = null, IReadOnlyDictionary<string, string>? reasons = null,
        string? rejectReason = null, string? noteText = null, string? approveNote = null) => new()
    {
        Request = page.Request,
        Staff = page.Staff,
        Kelurahan = page.Kelurahan,
        Language = page.Language,
        Posted = page.Posted,
        Message = page.Message,
        Errors = page.Errors,
        Ticked = ticked ?? page.Ticked,
        Reasons = reasons ?? page.Reasons,
        RejectReason = rejectReason,
        NoteText = noteText,
        ApproveNote = approveNote,
    };

    /// <summary>The citizen's file name made safe for a header: no path, no control or quote characters, bounded length.</summary>
    internal static string SafeFileName(string name)
    {
        var clean = new StringBuilder();
        foreach (var c in Path.GetFileName(name ?? ""))
            clean.Append(char.IsControl(c) || c is '"' or '\\' or '/' or ';' or ':' or '*' or '?' or '<' or '>' or '|' ? '_' : c);
        var result = clean.ToString().Trim().TrimStart('.');
        if (result.Length > 120)
            result = result[^120..];
        return result.Length == 0 ? "berkas" : result;
    }
}
