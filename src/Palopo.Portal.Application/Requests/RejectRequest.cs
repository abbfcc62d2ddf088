using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Notifications;
using Palopo.Portal.Application.Officer.Decisions;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Notifications;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Application.Requests;

public sealed record RejectCommand(Guid RequestId, string Reason, int? ExpectedVersion = null);

/// <summary>An officer of the owning agency refuses the request, with a reason the citizen reads.</summary>
public sealed class RejectRequest(
    IPortalDbContext db,
    IStaffDirectory staff,
    IRequestNotifier notifier,
    Audit.AuditTrail audit,
    TimeProvider clock,
    ILogger<RejectRequest> logger)
{
    public const int MaxReasonLength = 2000;

    public async Task<RequestActionResult> HandleAsync(RejectCommand command, Guid officerUserId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (work, refusal) = await OfficerAccess.LoadAsync(db, staff, command.RequestId, officerUserId, command.ExpectedVersion, ct);
        if (work is null)
            return refusal!;
        var request = work.Request;
        if (!RequestLifecycle.CanMove(request.Status, RequestStatus.Rejected))
            return RequestActionResult.NotAllowed(request.Status);
        var reason = command.Reason?.Trim() ?? "";
        if (reason.Length == 0 || reason.Length > MaxReasonLength)
        {
            return RequestActionResult.Invalid(new Dictionary<string, FieldError>
            {
                ["Reason"] = reason.Length == 0 ? FieldError.Required : new("TooLong", MaxReasonLength),
            });
        }

        request.Reject(reason, work.Officer.AsActor(), clock.GetUtcNow().UtcDateTime);
        await notifier.NotifyAsync(request, NotificationKind.Rejected, ct);
        audit.RecordDecision(AuditAction.RequestRejected, work.Officer, request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            logger.LogInformation(ex, "Request {RequestId} changed while an officer rejected it", command.RequestId);
            return RequestActionResult.Conflict;
        }

        logger.LogInformation("Request {ReferenceNumber} rejected", request.ReferenceNumber);
        return RequestActionResult.Done(request.Status);
    }
}
