using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Notifications;
using Palopo.Portal.Application.Regions;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Users;
using Palopo.Portal.Web.Framework;
using Palopo.Portal.Web.Models.Requests;

namespace Palopo.Portal.Web.Controllers;

/// <summary>
/// A citizen's own requests: the list, one request with its timeline and legal clock, the
/// correction form, withdrawal, and document downloads. Every lookup is by the signed-in citizen's
/// id as well as the reference number, so anyone else's request answers 404. Plain forms: works
/// without JavaScript. Nothing here may be cached by a browser or proxy: it is personal data.
/// </summary>
[Authorize(Roles = Roles.Citizen)]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class RequestsController(
    MyRequests myRequests,
    GetRequestDetails details,
    RequestDocumentFiles documents,
    ResubmitCorrection resubmit,
    WithdrawRequest withdraw,
    KelurahanDirectory kelurahan,
    RequestBodyCache bodies,
    ICurrentUser currentUser,
    IStringLocalizer<SharedResource> t) : Controller
{
    /// <summary>TempData key of a neutral (not success) message shown on the request page.</summary>
    public const string NoticeKey = "Requests.Notice";

    private Guid UserId => currentUser.Id!.Value;

    private static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    [HttpGet("/permohonan")]
    public async Task<IActionResult> Index([FromQuery(Name = "halaman")] int page, CancellationToken ct) =>
        View(await myRequests.ListAsync(UserId, page < 1 ? 1 : page, ct));

    [HttpGet("/permohonan/{referenceNumber}")]
    public async Task<IActionResult> Details(string referenceNumber, CancellationToken ct)
    {
        // Kept for this citizen (ADR 0018), except right after their own action (a message to show),
        // which another node may have handled a moment ago.
        var notice = TempData[NoticeKey] as string;
        BodySlot? slot = null;
        if (notice is null && !TempData.ContainsKey(TempKeys.Status))
        {
            slot = bodies.SlotFor(UserId, referenceNumber);
            if (bodies.TryGet(slot, out var body))
                return View("DetailsKept", new KeptRequestPage(ReferenceNumber.Normalize(referenceNumber), body));
        }

        var request = await details.FindAsync(referenceNumber, UserId, ct);
        if (request is null)
            return NotFound();
        return View(new RequestDetailsPage
        {
            Request = request,
            Kelurahan = await kelurahan.ListAsync(ct),
            Language = Language,
            Notice = notice,
            // An issued request's document panel changes without the request (a revocation): never kept.
            KeepIn = slot is null || request.Status == RequestStatus.Issued ? null : slot with { Owner = request.Id },
        });
    }

    [HttpGet("/permohonan/{referenceNumber}/perbaiki")]
    public async Task<IActionResult> Correct(string referenceNumber, CancellationToken ct)
    {
        var request = await details.FindAsync(referenceNumber, UserId, ct);
        if (request is null)
            return NotFound();
        if (!request.NeedsCorrection)
            return NothingToCorrect(request.ReferenceNumber);
        return View(await CorrectionPageAsync(request, request.Answers, new Dictionary<string, FieldError>(), null, ct));
    }

    [HttpPost("/permohonan/{referenceNumber}/perbaiki")]
    [RequestSizeLimit(ApplyController.MaxRequestBodyBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = ApplyController.MaxRequestBodyBytes)]
    public async Task<IActionResult> Correct(string referenceNumber, [FromForm] Dictionary<string, string?>? answers, CancellationToken ct)
    {
        var incoming = Request.HasFormContentType
            ? Request.Form.Files
                .Where(f => f.Name.StartsWith("doc_", StringComparison.Ordinal))
                .Select(f => new IncomingFile(f.Name[4..], f.FileName, f.Length, f.OpenReadStream))
                .ToList()
            : [];
        var result = await resubmit.HandleAsync(new ResubmitCommand(referenceNumber, answers ?? [], incoming), UserId, ct);

        if (result.Outcome == RequestActionOutcome.Done)
        {
            TempData[TempKeys.Status] = t["Requests.Correct.Sent"].Value;
            return Redirect(RequestPath(referenceNumber));
        }

        var request = await details.FindAsync(referenceNumber, UserId, ct);
        if (request is null || result.Outcome == RequestActionOutcome.NotFound)
            return NotFound();
        if (result.Outcome == RequestActionOutcome.NotAllowed)
            return NothingToCorrect(request.ReferenceNumber);

        var conflict = result.Outcome == RequestActionOutcome.Conflict;
        Response.StatusCode = conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        // Flagged fields show what was posted (even if empty), the rest what is stored.
        var shown = new Dictionary<string, string>(request.Answers);
        foreach (var item in request.FlaggedFields)
            shown[item.Key] = result.Answers?.GetValueOrDefault(item.Key) ?? "";
        return View(await CorrectionPageAsync(
            request, shown, result.Errors ?? new Dictionary<string, FieldError>(), conflict ? t["Requests.Correct.Conflict"].Value : null, ct));
    }

    [HttpGet("/permohonan/{referenceNumber}/tarik")]
    public async Task<IActionResult> Withdraw(string referenceNumber, CancellationToken ct)
    {
        var request = await details.FindAsync(referenceNumber, UserId, ct);
        if (request is null)
            return NotFound();
        return View(new WithdrawPage
        {
            Request = request,
            Language = Language,
            Refusal = request.CanWithdraw ? null : NotWithdrawable(request),
        });
    }

    [HttpPost("/permohonan/{referenceNumber}/tarik")]
    public async Task<IActionResult> Withdraw(string referenceNumber, [FromForm(Name = "Reason")] string? reason, CancellationToken ct)
    {
        var result = await withdraw.HandleAsync(new WithdrawCommand(referenceNumber, reason), UserId, ct);
        if (result.Outcome == RequestActionOutcome.NotFound)
            return NotFound();
        var request = await details.FindAsync(referenceNumber, UserId, ct);
        if (request is null)
            return NotFound();
        if (result.Outcome == RequestActionOutcome.Done)
        {
            TempData[TempKeys.Status] = t["Requests.Withdraw.Done", request.ReferenceNumber].Value;
            return Redirect(RequestPath(request.ReferenceNumber));
        }

        if (result.Outcome == RequestActionOutcome.Invalid)
        {
            foreach (var (key, error) in result.Errors ?? new Dictionary<string, FieldError>())
                ModelState.AddModelError(key, t["Apply.Error." + error.Code, error.Args].Value);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return View(new WithdrawPage { Request = request, Language = Language, Reason = reason });
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        return View(new WithdrawPage
        {
            Request = request,
            Language = Language,
            Refusal = result.Outcome == RequestActionOutcome.NotAllowed ? NotWithdrawable(request) : t["Requests.Withdraw.Conflict"].Value,
        });
    }

    [HttpGet("/permohonan/{referenceNumber}/berkas/{documentId:guid}")]
    public async Task<IActionResult> Document(string referenceNumber, Guid documentId, CancellationToken ct)
    {
        var file = await documents.OpenForApplicantAsync(referenceNumber, documentId, UserId, ct);
        if (file is null)
            return NotFound();

        // Always a download, never rendered by the browser: a file is the citizen's upload, not our page.
        Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        Response.Headers[HeaderNames.CacheControl] = "no-store";
        Response.Headers[HeaderNames.ContentSecurityPolicy] = "default-src 'none'; sandbox";
        var contentType = MediaTypeHeaderValue.TryParse(file.ContentType, out var parsed) ? parsed.ToString() : "application/octet-stream";
        return File(file.Content, contentType, file.FileName);
    }

    private IActionResult NothingToCorrect(string referenceNumber)
    {
        TempData[NoticeKey] = t["Requests.Correct.NotNeeded"].Value;
        return Redirect(RequestPath(referenceNumber));
    }

    private string NotWithdrawable(RequestDetails request) =>
        t["Requests.Withdraw.NotAllowed", t["Requests.Status." + request.Status].Value].Value;

    private async Task<CorrectionPage> CorrectionPageAsync(
        RequestDetails request, IReadOnlyDictionary<string, string> answers, IReadOnlyDictionary<string, FieldError> errors, string? formError, CancellationToken ct) =>
        new()
        {
            Request = request,
            Answers = answers,
            Errors = errors.ToDictionary(e => e.Key, e => t["Apply.Error." + e.Value.Code, e.Value.Args].Value),
            Kelurahan = await kelurahan.ListAsync(ct),
            Language = Language,
            FormError = formError,
        };

    private static string RequestPath(string referenceNumber) =>
        RequestNotifier.RequestPath(Domain.Requests.ReferenceNumber.Normalize(referenceNumber));
}
