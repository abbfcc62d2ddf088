using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Notifications;
using Palopo.Portal.Application.Officer.Decisions;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Notifications;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Application.Requests;

/// <summary>One field or document the officer marks as wrong, with the reason the citizen will read.</summary>
public sealed record CorrectionRequestItem(CorrectionTarget Target, string Key, string Reason);

/// <summary>
/// <paramref name="ExpectedVersion"/> is the request version the officer's screen showed; when
/// given, a request changed since then is refused as a conflict instead of being overwritten.
/// </summary>
public sealed record SendBackCommand(Guid RequestId, IReadOnlyList<CorrectionRequestItem> Items, int? ExpectedVersion = null);

/// <summary>
/// An officer sends a request back to the citizen for correction: marks fields and documents of
/// the request's own form version with a reason each; the legal clock pauses and the citizen is
/// notified. Two officers acting at once: the second gets <see cref="RequestActionOutcome.Conflict"/>.
/// </summary>
public sealed class SendBackRequest(
    IPortalDbContext db,
    IStaffDirectory staff,
    IRequestNotifier notifier,
    Audit.AuditTrail audit,
    TimeProvider clock,
    ILogger<SendBackRequest> logger)
{
    public const int MaxReasonLength = 1000;

    /// <summary>Error key for problems with the list as a whole (nothing marked).</summary>
    public const string ItemsKey = "Items";

    public async Task<RequestActionResult> HandleAsync(SendBackCommand command, Guid officerUserId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var (work, refusal) = await OfficerAccess.LoadAsync(db, staff, command.RequestId, officerUserId, command.ExpectedVersion, ct);
        if (work is null)
            return refusal!;
        var request = work.Request;
        if (!RequestLifecycle.CanMove(request.Status, RequestStatus.NeedsCorrection))
            return RequestActionResult.NotAllowed(request.Status);

        var definition = await db.ServiceFormVersions.AsNoTracking()
            .Where(f => f.Id == request.FormVersionId)
            .Select(f => f.Definition)
            .SingleAsync(ct);
        var errors = new Dictionary<string, FieldError>();
        if (command.Items.Count == 0)
            errors[ItemsKey] = new FieldError("NothingMarked");
        foreach (var item in command.Items)
        {
            var exists = item.Target == CorrectionTarget.Field ? definition.Field(item.Key) is not null : definition.Document(item.Key) is not null;
            var reason = item.Reason?.Trim() ?? "";
            if (!exists)
                errors[item.Key] = new FieldError("UnknownItem");
            else if (command.Items.Count(i => i.Target == item.Target && i.Key == item.Key) > 1)
                errors[item.Key] = new FieldError("MarkedTwice");
            else if (reason.Length == 0)
                errors[item.Key] = new FieldError("ReasonRequired");
            else if (reason.Length > MaxReasonLength)
                errors[item.Key] = new FieldError("TooLong", MaxReasonLength);
        }

        if (errors.Count > 0)
            return RequestActionResult.Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        request.SendBack([.. command.Items.Select(i => (i.Target, i.Key, i.Reason.Trim()))], PalopoTime.Today(clock), work.Officer.AsActor(), now);
        await notifier.NotifyAsync(request, NotificationKind.SentBack, ct);
        audit.RecordDecision(AuditAction.RequestSentBack, work.Officer, request, string.Join(", ", command.Items.Select(i => $"{i.Target}:{i.Key}")));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            logger.LogInformation(ex, "Request {RequestId} changed while an officer sent it back", command.RequestId);
            return RequestActionResult.Conflict;
        }

        logger.LogInformation("Request {ReferenceNumber} sent back for correction of {Count} items", request.ReferenceNumber, command.Items.Count);
        return RequestActionResult.Done(request.Status);
    }
}
