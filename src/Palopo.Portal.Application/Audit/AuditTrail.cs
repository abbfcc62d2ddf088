using Palopo.Portal.Application.Common;
using Palopo.Portal.Application.Staff;
using Palopo.Portal.Domain.Audit;

namespace Palopo.Portal.Application.Audit;

/// <summary>
/// Adds audit entries to the current unit of work: they are saved with the change they
/// describe (or, for views, by the caller's SaveChanges), never on their own.
/// </summary>
public sealed class AuditTrail(IPortalDbContext db, TimeProvider clock)
{
    public void Record(
        AuditAction action, StaffMember? actor, string subjectType, Guid? subjectId,
        Guid? dataSubjectUserId = null, string? reference = null, string? detail = null) =>
        db.AuditEntries.Add(new AuditEntry(
            action, clock.GetUtcNow().UtcDateTime, actor?.UserId, actor?.Name ?? "Sistem", actor?.AgencyId,
            subjectType, subjectId, dataSubjectUserId, reference, detail));
}
