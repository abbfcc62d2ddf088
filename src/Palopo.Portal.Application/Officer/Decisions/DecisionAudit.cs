using Palopo.Portal.Application.Staff;
using Palopo.Portal.Application.Audit;
using Palopo.Portal.Domain.Audit;
using Palopo.Portal.Domain.Requests;

namespace Palopo.Portal.Application.Officer.Decisions;

/// <summary>
/// The audit line of an officer's decision on a request: who (with their agency), what, which
/// request, and whose personal data it concerns. Added to the unit of work, so it is saved by the
/// same SaveChanges as the decision (and not at all if the decision is refused or conflicts).
/// </summary>
internal static class DecisionAudit
{
    public static void RecordDecision(
        this AuditTrail audit, AuditAction action, StaffMember officer, ServiceRequest request, string? detail = null) =>
        audit.Record(action, officer,
            nameof(ServiceRequest), request.Id, request.ApplicantUserId, request.ReferenceNumber, detail);
}
