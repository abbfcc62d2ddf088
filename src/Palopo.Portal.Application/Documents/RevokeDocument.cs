using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Palopo.Portal.Application.Audit;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Notifications;
using Palopo.Portal.Application.Requests;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Documents;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Notifications;

namespace Palopo.Portal.Application.Documents;

public sealed record RevokeDocumentCommand(string? ReferenceNumber, string? Reason);

public enum RevokeOutcome
{
    Done,

    /// <summary>No document of this staff member's agency under that reference (or not staff): 404.</summary>
    NotFound,

    /// <summary>Only a supervisor (kepala) of the issuing agency may revoke.</summary>
    Forbidden,

    AlreadyRevoked,

    /// <summary>The reason is missing or too long; nothing was saved.</summary>
    Invalid,
}

public sealed record RevokeResult(RevokeOutcome Outcome, string? ErrorCode = null);

/// <summary>
/// A supervisor of the issuing agency revokes an issued document with a reason. The verification page
/// then says "dicabut" with the date; the citizen is told; the audit log records who and why.
/// </summary>
public sealed class RevokeDocument(
    IPortalDbContext db,
    IStaffDirectory staff,
    IRequestNotifier notifier,
    AuditTrail audit,
    TimeProvider clock,
    ILogger<RevokeDocument> logger)
{
    public async Task<RevokeResult> HandleAsync(RevokeDocumentCommand command, Guid staffUserId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var officer = await staff.FindAsync(staffUserId, ct);
        var reference = ReferenceNumber.Normalize(command.ReferenceNumber);
        if (officer is null || officer.AgencyId is not { } agencyId || !officer.IsOfficer || !ReferenceNumber.IsWellFormed(reference))
            return new(RevokeOutcome.NotFound);

        var request = await db.ServiceRequests.FirstOrDefaultAsync(r => r.ReferenceNumber == reference && r.AgencyId == agencyId, ct);
        var document = request is null ? null : await db.IssuedDocuments.FirstOrDefaultAsync(d => d.RequestId == request.Id, ct);
        if (request is null || document is null)
            return new(RevokeOutcome.NotFound);
        if (!officer.IsSupervisor)
            return new(RevokeOutcome.Forbidden);
        if (document.IsRevoked)
            return new(RevokeOutcome.AlreadyRevoked);
        var reason = command.Reason?.Trim() ?? "";
        if (reason.Length == 0)
            return new(RevokeOutcome.Invalid, "Required");
        if (reason.Length > IssuedDocument.MaxRevocationReasonLength)
            return new(RevokeOutcome.Invalid, "TooLong");

        document.Revoke(reason, officer.UserId, officer.Name, clock.GetUtcNow().UtcDateTime);
        await notifier.NotifyAsync(request, NotificationKind.DocumentRevoked, ct);
        audit.Record(AuditAction.DocumentRevoked, officer, nameof(IssuedDocument), document.Id, request.ApplicantUserId, reference,
            $"{document.Number}: {reason}");
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Document {DocumentNumber} of request {ReferenceNumber} revoked", document.Number, reference);
        return new(RevokeOutcome.Done);
    }
}
