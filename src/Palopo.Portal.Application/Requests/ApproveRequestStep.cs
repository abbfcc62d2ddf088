using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Notifications;
using Palopo.Portal.Application.Officer.Decisions;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Notifications;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Application.Requests;

public sealed record ApproveStepCommand(Guid RequestId, string? Note, int? ExpectedVersion = null);

/// <summary>
/// An officer approves the request's current workflow step; only someone in the step's role may
/// (persetujuan kepala needs a supervisor). The last step approves the request and tells the citizen.
/// </summary>
public sealed class ApproveRequestStep(
    IPortalDbContext db,
    IStaffDirectory staff,
    IRequestNotifier notifier,
    Documents.IssueDocument issuance,
    Audit.AuditTrail audit,
    TimeProvider clock,
    ILogger<ApproveRequestStep> logger)
{
    public const int MaxNoteLength = 1000;

    public async Task<RequestActionResult> HandleAsync(ApproveStepCommand command, Guid officerUserId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (work, refusal) = await OfficerAccess.LoadAsync(db, staff, command.RequestId, officerUserId, command.ExpectedVersion, ct);
        if (work is null)
            return refusal!;
        var request = work.Request;
        if (request.Status is not (RequestStatus.Submitted or RequestStatus.InReview or RequestStatus.Resubmitted))
            return RequestActionResult.NotAllowed(request.Status);
        if (request.CurrentStep >= work.Workflow.Count || !work.Workflow[request.CurrentStep].Permits(work.Officer.Roles))
            return RequestActionResult.Forbidden;
        var note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        if (note is { Length: > MaxNoteLength })
            return RequestActionResult.Invalid(new Dictionary<string, FieldError> { ["Note"] = new("TooLong", MaxNoteLength) });

        var stepApproved = request.CurrentStep;
        request.ApproveStep(work.Workflow.Count, work.Officer.AsActor(), clock.GetUtcNow().UtcDateTime, note);
        if (request.Status == RequestStatus.Approved)
            await notifier.NotifyAsync(request, NotificationKind.Approved, ct);
        audit.RecordDecision(AuditAction.StepApproved, work.Officer, request, $"{work.Workflow[stepApproved].Key} -> {request.Status}");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            logger.LogInformation(ex, "Request {RequestId} changed while an officer approved a step", command.RequestId);
            return RequestActionResult.Conflict;
        }

        logger.LogInformation("Request {ReferenceNumber}: step approved, now {Status}", request.ReferenceNumber, request.Status);
        // Issued in its own transaction after the approval is safe: a failed PDF leaves it Approved, never half-issued.
        var status = request.Status;
        if (status == RequestStatus.Approved && await issuance.IfAutomaticAsync(request, work.Officer, ct))
            return RequestActionResult.Done(RequestStatus.Issued);
        return RequestActionResult.Done(status);
    }
}
