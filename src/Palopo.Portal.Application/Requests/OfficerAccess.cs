using Palopo.Portal.Application.Staff;
using Microsoft.EntityFrameworkCore;
using Palopo.Portal.Application.Common;
using Palopo.Portal.Domain.Requests;
using Palopo.Portal.Domain.Services;

namespace Palopo.Portal.Application.Requests;

/// <summary>A request loaded for an officer's action, with the officer and the service's workflow.</summary>
internal sealed record OfficerWork(StaffMember Officer, ServiceRequest Request, IReadOnlyList<WorkflowStep> Workflow);

/// <summary>
/// The checks every officer action starts with: the account is active staff, the request exists
/// and was submitted, the officer works for the agency that owns its service, and (when the screen
/// says which version it showed) nobody changed the request since.
/// </summary>
internal static class OfficerAccess
{
    public static async Task<(OfficerWork? Work, RequestActionResult? Refusal)> LoadAsync(
        IPortalDbContext db, IStaffDirectory staff, Guid requestId, Guid officerUserId, int? expectedVersion, CancellationToken ct)
    {
        var officer = await staff.FindAsync(officerUserId, ct);
        if (officer is null)
            return (null, RequestActionResult.Forbidden);

        var request = await db.ServiceRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.SubmittedAtUtc != null, ct);
        if (request is null)
            return (null, RequestActionResult.NotFound);

        var service = await db.Services.AsNoTracking()
            .Where(s => s.Id == request.ServiceId)
            .Select(s => new { s.AgencyId, s.Workflow })
            .SingleAsync(ct);
        if (!officer.WorksFor(service.AgencyId))
            return (null, RequestActionResult.Forbidden);
        if (expectedVersion is { } version && version != request.Version)
            return (null, RequestActionResult.Conflict);
        return (new OfficerWork(officer, request, service.Workflow), null);
    }
}
